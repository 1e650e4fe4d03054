package io.streamlens.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlens.deploy.view.ViewerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The flags of {@code view}, {@code demo --serve} and {@code ask --all}, as users type them. */
class ViewerFlagsTest {
    @TempDir
    Path dir;

    @Test
    void askTakesEitherOneStreamOrAll() {
        AskCommand all = new AskCommand();
        new CommandLine(all).parseArgs("--bootstrap-servers", "k:9092", "--all", "which camera saw a dog?");
        assertThat(all.which.all).isTrue();
        assertThatThrownBy(() -> new CommandLine(new AskCommand()).parseArgs("--bootstrap-servers", "k:9092", "q"))
                .isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> new CommandLine(new AskCommand()).parseArgs("--bootstrap-servers", "k:9092",
                "--all", "--stream-id", "cam", "q")).isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void theViewerServesOnlyTheLocalFilesItWasGivenOnThisMachineByDefault() throws Exception {
        Path clip = Files.writeString(dir.resolve("yard.mp4"), "x");
        ViewCommand view = new ViewCommand();
        new CommandLine(view).parseArgs("--bootstrap-servers", "k:9092", "--video", clip.toString(),
                "--video", dir.resolve("missing.mp4").toString(), "--video", "rtsp://camera/stream1");
        ViewerOptions options = view.serve.options(view.videos, view.frameSize);
        assertThat(options.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.files()).containsOnlyKeys("yard");
    }

    @Test
    void everyCommandParsesWithTheNewFlags() {
        CommandLine cli = StreamLensCli.commandLine();
        assertThat(cli.getSubcommands()).containsKey("view");
        cli.parseArgs("demo", "--serve", "--port", "0", "clip.mp4");
        cli.parseArgs("demo", "--ask-all", "which shot had text?");
        assertThat(StreamLensCli.commandLine().execute("demo", "--serve", "--ask", "q")).isEqualTo(2);
    }
}
