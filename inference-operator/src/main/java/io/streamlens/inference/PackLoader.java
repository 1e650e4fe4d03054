package io.streamlens.inference;

import io.streamlens.inference.pack.InvalidModelPackException;
import io.streamlens.inference.pack.Manifest;
import io.streamlens.inference.pack.PackSource;
import io.streamlens.inference.pack.Problems;
import io.streamlens.inference.perception.PerceptionPack;
import io.streamlens.inference.vlm.VlmPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads {@code pack.json} and hands the pack to the loader of its kind. */
final class PackLoader {

    private PackLoader() {
    }

    static PackSource folder(Path dir) {
        return PackSource.directory(dir);
    }

    static PackSource builtIn(String name) {
        return switch (name) {
            // The perception models stay inside their Maven jars, at the classpath root.
            case "perception" -> PackSource.classpath(name, "packs/perception/pack.json", "");
            case "tiny-color" -> PackSource.classpath(name, "packs/tiny-color/pack.json", "packs/tiny-color/");
            default -> throw new InvalidModelPackException(name,
                    List.of("no built-in pack of that name; built-in packs are " + String.join(", ", ModelPack.BUILT_IN)));
        };
    }

    static ModelPack load(PackSource source, RuntimeOptions options) {
        Problems problems = new Problems(source.describe());
        if (source instanceof PackSource.Directory d && !Files.isDirectory(d.dir())) {
            problems.add("no such folder");
            throw problems.toException();
        }
        Optional<byte[]> manifestBytes;
        try {
            manifestBytes = source.manifest();
        } catch (IOException e) {
            problems.add("pack.json: unreadable (" + e.getMessage() + ")");
            throw problems.toException();
        }
        if (manifestBytes.isEmpty()) {
            problems.add("pack.json: missing; a pack folder holds pack.json and the files it names");
            throw problems.toException();
        }
        Manifest manifest = Manifest.parse(manifestBytes.get(), problems).orElseThrow(problems::toException);
        if (manifest.kind() == null) {
            throw problems.toException();
        }
        return switch (manifest.kind()) {
            case VLM -> VlmPack.open(source, manifest, options);
            case PERCEPTION -> PerceptionPack.open(source, manifest, options);
        };
    }
}
