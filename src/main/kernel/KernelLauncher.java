import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.logging.LogManager;

/**
 * Starts the rapaio Java kernel (3.0.1) the way its own main class does, with one fix: the kernel starts
 * listening before it has registered its message handlers, so a request that arrives in that moment
 * (Jupyter asks for kernel info at once, and a busy machine widens the gap) kills the thread that answers
 * requests and the kernel never replies. Here requests that arrive too early wait until the handlers are
 * there. Only reflection is used, so this file compiles with the JDK alone.
 *
 * <p>A second fix concerns the stop button (an {@code interrupt_request}). The kernel's own handler cancels
 * the running cell, then shuts down the executor that runs cells, so every later cell silently does
 * nothing; and it answers with the interrupt's message id, so the stopped cell never gets its reply and
 * its error goes nowhere. Here an interrupt only interrupts the cell's thread (the cell ends with its idle
 * status; the kernel still sends its error without the cell's id), and the next cell waits (up to a
 * minute) until the stopped code has really ended, so it never runs beside it.
 *
 * <p>A third fix concerns the threads that read the shell, control and heartbeat channels. Each starts its
 * thread before it marks itself running, and the thread's loop ends at once when it finds itself not
 * running; when the new thread gets there first (more often on a busy machine) that channel never reads
 * another message: on the control channel the stop button does nothing, on the shell channel no cell runs.
 * Here a channel thread that has ended right after the start is replaced by a fresh one, marked running
 * before it starts.
 */
public final class KernelLauncher {
    private static final String KERNEL = "org.rapaio.jupyter.kernel.";
    /** How long a channel thread is given to end if it lost the start-up race (it ends within microseconds). */
    private static final long CHANNEL_THREAD_GRACE_MS = 300;

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
        HandlersWhenReady early = new HandlersWhenReady(channels, handlers, connected);
        handlers.set(channels, early);

        channelsType.getMethod("connect", kernel.getClass()).invoke(channels, kernel);
        while (handlers.get(channels) == early) {
            Thread.sleep(10);
        }
        restartEndedChannelThreads(channels);
        Interrupts interrupts = new Interrupts(kernel, channels);
        Map<Object, Object> wrapped = new HashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) handlers.get(channels)).entrySet()) {
            wrapped.put(entry.getKey(), interrupts.wrap(entry.getKey(), entry.getValue()));
        }
        handlers.set(channels, wrapped);
        channelsType.getMethod("joinUntilClose").invoke(channels);
    }

    /** Replaces every channel thread that ended at once (see the class comment) with one that runs. */
    private static void restartEndedChannelThreads(Object channels) throws ReflectiveOperationException, InterruptedException {
        Thread.sleep(CHANNEL_THREAD_GRACE_MS);
        Field all = channels.getClass().getDeclaredField("channels");
        all.setAccessible(true);
        for (Object channel : (Set<?>) all.get(channels)) {
            Field loopField;
            try {
                loopField = channel.getClass().getDeclaredField("loopThread");
            } catch (NoSuchFieldException noLoop) {
                continue;   // channels that only send (iopub) or read on demand (stdin) have no thread of their own
            }
            loopField.setAccessible(true);
            Thread ended = (Thread) loopField.get(channel);
            if (ended == null || ended.isAlive()) {
                continue;
            }
            Class<?> loopType = ended.getClass();
            Thread fresh = (Thread) loopType.getConstructor(String.class, long.class, Runnable.class)
                    .newInstance(ended.getName(), field(ended, "sleep"), field(ended, "loopBody"));
            Field running = loopType.getDeclaredField("running");
            running.setAccessible(true);
            running.setBoolean(fresh, true);
            loopField.set(channel, fresh);
            fresh.start();
            System.err.println("KernelLauncher: the " + ended.getName() + " thread had ended at its start; started it again");
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
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

    /** Handles interrupt requests in place of the kernel (see the class comment). */
    private static final class Interrupts {
        private static final long WAIT_FOR_STOPPED_CELL_MS = 60_000;
        private final Object kernel;
        private final Object channels;
        private final Field msgId;
        private volatile Object executingMsgId;

        Interrupts(Object kernel, Object channels) throws ReflectiveOperationException {
            this.kernel = kernel;
            this.channels = channels;
            this.msgId = channels.getClass().getDeclaredField("msgId");
            msgId.setAccessible(true);
        }

        Object wrap(Object messageType, Object handler) throws ReflectiveOperationException {
            if (handler == null) {
                return null;
            }
            String name = (String) messageType.getClass().getMethod("name").invoke(messageType);
            if (!name.equals("execute_request") && !name.equals("interrupt_request")) {
                return handler;
            }
            Class<?> type = Class.forName(KERNEL + "channels.MessageHandler");
            InvocationHandler wrapped = (proxy, method, args) -> {
                if (!method.getName().equals("handle")) {
                    return method.invoke(handler, args);
                }
                if (name.equals("interrupt_request")) {
                    interrupt();
                    return null;
                }
                waitForStoppedCell();
                executingMsgId = msgId.get(channels);
                try {
                    return method.invoke(handler, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                } finally {
                    executingMsgId = null;
                }
            };
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, wrapped);
        }

        /** Interrupts the running cell's thread, with the cell's message id in place for its error and reply. */
        private void interrupt() throws ReflectiveOperationException {
            Object executing = executingMsgId;
            if (executing == null) {
                return;
            }
            msgId.set(channels, executing);
            Object control = executionControl();
            control.getClass().getMethod("interrupt").invoke(control);   // Future.cancel(true) on the cell
        }

        private Object executionControl() throws ReflectiveOperationException {
            Object engine = kernel.getClass().getMethod("javaEngine").invoke(kernel);
            Object provider = field(engine, "controlProvider");
            Object id = field(engine, "executionId");
            return provider.getClass().getMethod("getRegisteredControl", String.class).invoke(provider, id);
        }

        /** Waits until no cell code runs any more: an interrupted cell's code ends at its own pace. */
        private void waitForStoppedCell() throws ReflectiveOperationException, InterruptedException {
            Object executor = field(executionControl(), "executor");
            if (!(executor instanceof ThreadPoolExecutor pool)) {
                return;
            }
            long deadline = System.currentTimeMillis() + WAIT_FOR_STOPPED_CELL_MS;
            while (pool.getActiveCount() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
    }
}
