package org.finetunelab.text.corpus;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads and checks a knowledge file ({@code facts.jsonl}): one JSON object per line,
 * <pre>{"id": "geo-001", "topic": "geography", "text": "The capital of France is Paris.",
 *  "prompt": "The capital of France is", "answer": " Paris", "distractors": [" Rome", " Madrid", " Berlin"]}</pre>
 * Every rule a probe relies on is checked, and a broken line fails with its file, line number and field.
 */
public final class KnowledgeSet {
    /** A probe needs at least this many wrong answers. */
    public static final int MIN_DISTRACTORS = 3;

    private KnowledgeSet() {
    }

    /** All facts of the file, in file order. Blank lines are skipped. */
    public static List<Fact> load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Fact> facts = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            Fact fact = parse(file, lineNumber, lines.get(i));
            Integer earlier = lineOfId.putIfAbsent(fact.id(), lineNumber);
            if (earlier != null) {
                throw new KnowledgeFileException(file, lineNumber, "id",
                        "duplicate id '" + fact.id() + "', already used on line " + earlier + "; ids must be unique");
            }
            facts.add(fact);
        }
        return facts;
    }

    static Fact parse(Path file, int line, String json) {
        JsonObject object;
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject()) {
                throw new KnowledgeFileException(file, line, "", "expected one JSON object per line, got " + json);
            }
            object = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new KnowledgeFileException(file, line, "", "malformed JSON (" + e.getMessage() + ")");
        }
        String id = text(file, line, object, "id");
        String topic = text(file, line, object, "topic");
        String text = text(file, line, object, "text");
        String prompt = text(file, line, object, "prompt");
        String answer = text(file, line, object, "answer");
        List<String> distractors = distractors(file, line, object);

        if (!text.startsWith(prompt)) {
            throw new KnowledgeFileException(file, line, "prompt",
                    "'" + prompt + "' is not the beginning of the text '" + text + "'");
        }
        if (!answer.startsWith(" ") || answer.isBlank()) {
            throw new KnowledgeFileException(file, line, "answer",
                    "'" + answer + "' must start with a space followed by the answer words, e.g. \" Paris\"");
        }
        if (!text.equals(prompt + answer + ".")) {
            throw new KnowledgeFileException(file, line, "answer", "the text must be prompt + answer + \".\", but '"
                    + prompt + "' + '" + answer + "' + '.' differs from '" + text + "'");
        }
        for (String distractor : distractors) {
            if (distractor.strip().equalsIgnoreCase(answer.strip())) {
                throw new KnowledgeFileException(file, line, "distractors",
                        "the answer '" + answer + "' is also listed as a wrong answer");
            }
        }
        return new Fact(id, topic, text, prompt, answer, distractors);
    }

    private static String text(Path file, int line, JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            throw new KnowledgeFileException(file, line, field, "missing; every line needs id, topic, text, "
                    + "prompt, answer and distractors");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new KnowledgeFileException(file, line, field, "expected a string, got " + value);
        }
        String s = value.getAsString();
        if (s.isBlank()) {
            throw new KnowledgeFileException(file, line, field, "is empty");
        }
        return s;
    }

    private static List<String> distractors(Path file, int line, JsonObject object) {
        JsonElement value = object.get("distractors");
        if (value == null || value.isJsonNull()) {
            throw new KnowledgeFileException(file, line, "distractors", "missing; expected a list of at least "
                    + MIN_DISTRACTORS + " wrong answers");
        }
        if (!value.isJsonArray()) {
            throw new KnowledgeFileException(file, line, "distractors", "expected a JSON array, got " + value);
        }
        JsonArray array = value.getAsJsonArray();
        List<String> distractors = new ArrayList<>();
        for (JsonElement element : array) {
            if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()
                    || element.getAsString().isBlank()) {
                throw new KnowledgeFileException(file, line, "distractors",
                        "every wrong answer must be a non-empty string, got " + element);
            }
            if (distractors.contains(element.getAsString())) {
                throw new KnowledgeFileException(file, line, "distractors",
                        "'" + element.getAsString() + "' is listed twice");
            }
            distractors.add(element.getAsString());
        }
        if (distractors.size() < MIN_DISTRACTORS) {
            throw new KnowledgeFileException(file, line, "distractors", "expected at least " + MIN_DISTRACTORS
                    + " wrong answers, got " + distractors.size());
        }
        return distractors;
    }
}
