package org.finetunelab.cli;

import ai.djl.engine.Engine;
import org.finetunelab.model.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code finetune info}: the versions and the device this machine will train with. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the Java, DJL and PyTorch versions and the device used for training.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Engine pytorch = Engine.getEngine("PyTorch");
        out.printf("Java     %s (%s)%n", Runtime.version(), System.getProperty("java.vendor"));
        out.printf("DJL      %s%n", Engine.getDjlVersion());
        out.printf("PyTorch  %s%n", pytorch.getVersion());
        out.printf("Device   %s%n", Devices.describe(Devices.current()));
        out.printf("Offline  %s%n", Boolean.getBoolean("ai.djl.offline") ? "yes (nothing is downloaded)" : "no");
        out.flush();
        return 0;
    }
}
