import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.LogManager;

/**
 * Starts the rapaio Java kernel (3.0.1) the way its own main class does, with one fix: the kernel starts
 * listening before it has registered its message handlers, so a request that arrives in that moment
 * (Jupyter asks for kernel info at once, and a busy machine widens the gap) kills the thread that answers
 * requests and the kernel never replies. Here requests that arrive too early wait until the handlers are
 * there. Only reflection is used, so this file compiles with the JDK alone.
 */
public final class KernelLauncher {
    private static final String KERNEL = "org.rapaio.jupyter.kernel.";

    private KernelLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            throw new IllegalArgumentException("Expected one argument, the Jupyter connection file; got "
                    + String.join(" ", args));
        }
        Class<?> mainApp = Class.forName(KERNEL + "MainApp");
        try (InputStream logging = mainApp.getClassLoader().getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(logging);
        }
        Class<?> propertiesType = Class.forName(KERNEL + "core.ConnectionProperties");
        Method fromJson = Class.forName(KERNEL + "core.Transform").getMethod("fromJson", String.class, Class.class);
        Object properties = fromJson.invoke(null, Files.readString(Path.of(args[0])), propertiesType);
        Object kernel = mainApp.getField("kernel").get(null);

        Class<?> channelsType = Class.forName(KERNEL + "channels.Channels");
        Constructor<?> newChannels = channelsType.getConstructor(propertiesType);
        Object channels = newChannels.newInstance(properties);
        Field handlers = channelsType.getDeclaredField("handlers");
        Field connected = channelsType.getDeclaredField("isConnected");
        handlers.setAccessible(true);
        connected.setAccessible(true);
        handlers.set(channels, new HandlersWhenReady(channels, handlers, connected));

        channelsType.getMethod("connect", kernel.getClass()).invoke(channels, kernel);
        channelsType.getMethod("joinUntilClose").invoke(channels);
    }

    /** Stands in for the handler table until the kernel has filled in the real one, then reads from it. */
    private static final class HandlersWhenReady extends AbstractMap<Object, Object> {
        private final Object channels;
        private final Field handlers;
        private final Field connected;

        HandlersWhenReady(Object channels, Field handlers, Field connected) {
            this.channels = channels;
            this.handlers = handlers;
            this.connected = connected;
        }

        @Override
        public Object get(Object messageType) {
            try {
                while (!(connected.getBoolean(channels) && handlers.get(channels) != this)) {
                    Thread.sleep(10);
                }
                return ((Map<?, ?>) handlers.get(channels)).get(messageType);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return Set.of();
        }
    }
}
