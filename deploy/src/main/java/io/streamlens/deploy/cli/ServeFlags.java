package io.streamlens.deploy.cli;

import io.streamlens.deploy.view.ViewerOptions;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the viewer's page is served ({@code view}, {@code demo --serve}, {@code annotate --serve}). */
final class ServeFlags {
    @Option(names = "--port", defaultValue = "8080", description = "the page's port on this machine, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = ViewerOptions.LOCALHOST, paramLabel = "ADDRESS",
            description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only; the page has no login)")
    String bind;

    ViewerOptions options(List<String> videos, int frameMaxSide) {
        ViewerOptions local = ViewerOptions.local(port, videos, frameMaxSide);
        if (!ViewerOptions.LOCALHOST.equals(bind)) {
            System.err.println("warning: serving on " + bind + ": anyone who can reach it sees the streams and can ask questions");
        }
        return new ViewerOptions(bind, port, local.files(), frameMaxSide);
    }
}
