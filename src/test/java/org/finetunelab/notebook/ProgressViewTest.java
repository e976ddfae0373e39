package org.finetunelab.notebook;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressViewTest {
    private static final long MS = 1_000_000L;

    private final RecordingDisplay display = new RecordingDisplay();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void redrawsAtMostFourTimesASecondButAlwaysAtTheEnd() {
        ProgressView progress = new ProgressView(display, "training", 10, clock::get);
        clock.set(100 * MS);
        progress.update(1, "loss 3.1");   // too soon after the first drawing
        clock.set(300 * MS);
        progress.update(2, "loss 2.9");   // drawn
        clock.set(310 * MS);
        progress.update(10, "loss 1.2");  // the last step is always drawn
        assertEquals(3, display.calls.size(), "show, then two updates");
        assertEquals("id-0", display.calls.get(2).id(), "updates replace the first output");
        String last = display.calls.get(2).value().toString();
        assertTrue(last.contains("training: 10/10 (100%) · loss 1.2 · 0:00"), last);
        assertEquals(10, progress.step());
    }

    @Test
    void saysHowLongTheRestWillTakeAtThePaceSoFar() {
        ProgressView progress = new ProgressView(display, "runs", 4, clock::get);
        clock.set(30_000 * MS);
        progress.update(1, "");
        String shown = display.calls.get(1).value().toString();
        assertTrue(shown.contains("runs: 1/4 (25%) · 0:30, about 1:30 left"), shown);
    }

    @Test
    void finishRedrawsAtOnceAndEscapesTheMessage() {
        ProgressView progress = new ProgressView(display, "eval", 4, clock::get);
        clock.set(65_000 * MS);
        progress.finish("<done>");
        String shown = display.calls.get(1).value().toString();
        assertTrue(shown.contains("eval: 4/4 (100%) · &lt;done&gt; · 1:05"), shown);
        assertTrue(shown.contains("<progress value=\"4\" max=\"4\""), shown);
    }

    @Test
    void stepsOutsideTheRangeAreRejected() {
        ProgressView progress = new ProgressView(display, "training", 10, clock::get);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> progress.update(11, ""));
        assertTrue(e.getMessage().contains("step 11 is outside 0..10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ProgressView(display, "empty", 0, clock::get));
    }

    @Test
    void liveViewsUpdateTheOutputTheyShowed() {
        LiveView view = new LiveView(display, "first");
        view.update("second");
        assertEquals("show", display.calls.get(0).kind());
        assertEquals(new RecordingDisplay.Call("update", "id-0", "second"), display.calls.get(1));
        assertEquals("", view.toString(), "a cell ending with a view prints no internal id");
    }
}
