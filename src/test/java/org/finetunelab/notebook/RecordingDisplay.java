package org.finetunelab.notebook;

import java.util.ArrayList;
import java.util.List;

/** A display that remembers what it was asked to show, for tests. */
final class RecordingDisplay implements Display {
    record Call(String kind, String id, Object value) {
    }

    final List<Call> calls = new ArrayList<>();

    @Override
    public String show(Object value) {
        String id = "id-" + calls.size();
        calls.add(new Call("show", id, value));
        return id;
    }

    @Override
    public void update(String id, Object value) {
        calls.add(new Call("update", id, value));
    }
}
