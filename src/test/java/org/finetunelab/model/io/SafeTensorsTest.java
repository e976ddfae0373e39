package org.finetunelab.model.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeTensorsTest {
    @TempDir
    Path dir;
    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    // ------------------------------------------------------------------ helpers

    private NDArray randomArray(Random random, DataType type, Shape shape) {
        int size = (int) shape.size();
        switch (type) {
            case INT64 -> {
                long[] values = new long[size];
                Arrays.setAll(values, i -> random.nextLong());
                return manager.create(values, shape);
            }
            case INT32 -> {
                int[] values = new int[size];
                Arrays.setAll(values, i -> random.nextInt());
                return manager.create(values, shape);
            }
            case UINT8, INT8 -> {
                byte[] values = new byte[size];
                random.nextBytes(values);
                return manager.create(ByteBuffer.wrap(values), shape, type).duplicate();
            }
            case BOOLEAN -> {
                boolean[] values = new boolean[size];
                for (int i = 0; i < size; i++) {
                    values[i] = random.nextBoolean();
                }
                return manager.create(values, shape);
            }
            case FLOAT64 -> {
                double[] values = new double[size];
                Arrays.setAll(values, i -> random.nextGaussian() * 1e3);
                return manager.create(values, shape);
            }
            default -> {
                float[] values = new float[size];
                for (int i = 0; i < size; i++) {
                    values[i] = (float) random.nextGaussian();
                }
                NDArray f32 = manager.create(values, shape);
                return type == DataType.FLOAT32 ? f32 : f32.toType(type, true);
            }
        }
    }

    private static byte[] bytesOf(NDArray array) {
        ByteBuffer buffer = array.toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] littleEndianFloats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    /** Builds a file the way the format describes it, independently of SafeTensors.write. */
    private Path handBuilt(String headerJson, byte[] data) throws IOException {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
        out.write(header);
        out.write(data);
        Path file = dir.resolve("hand.safetensors");
        Files.write(file, out.toByteArray());
        return file;
    }

    private SafeTensorsException corrupt(String headerJson, byte[] data) throws IOException {
        Path file = handBuilt(headerJson, data);
        return assertThrows(SafeTensorsException.class, () -> SafeTensors.read(file, manager));
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + ","
                + end + "]}";
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void roundTripIsBitExactForEveryTypeAndShape() throws IOException {
        Random random = new Random(42);
        // BFLOAT16 arrays crash DJL 0.36's PyTorch engine, so BF16 is covered by the hand-built file only.
        List<DataType> types = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16,
                DataType.INT64, DataType.INT32, DataType.INT8, DataType.UINT8, DataType.BOOLEAN);
        List<Shape> shapes = List.of(new Shape(), new Shape(0), new Shape(7), new Shape(3, 5), new Shape(2, 0, 4),
                new Shape(2, 3, 4, 5));
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (DataType type : types) {
            for (int s = 0; s < shapes.size(); s++) {
                tensors.put(type + "." + s, randomArray(random, type, shapes.get(s)));
            }
        }
        Path file = dir.resolve("all.safetensors");
        SafeTensors.write(file, tensors, Map.of("format", "pt", "note", "ünïcødé"));

        Map<String, NDArray> back = SafeTensors.read(file, manager, null, false);
        assertEquals(tensors.keySet().stream().sorted().toList(), List.copyOf(back.keySet()));
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            NDArray read = back.get(e.getKey());
            assertEquals(e.getValue().getDataType(), read.getDataType(), e.getKey());
            assertEquals(e.getValue().getShape(), read.getShape(), e.getKey());
            assertArrayEquals(bytesOf(e.getValue()), bytesOf(read), e.getKey());
            assertEquals(e.getKey(), read.getName());
        }
        assertEquals(Map.of("format", "pt", "note", "ünïcødé"), SafeTensors.readHeader(file).metadata());
    }

    @Test
    void halfPrecisionIsWidenedToFloat32ByDefault() throws IOException {
        NDArray values = manager.create(new float[] {1.5f, -0.25f, 65504f, 3.0e-5f});
        NDArray half = values.toType(DataType.FLOAT16, true);
        Path file = dir.resolve("half.safetensors");
        SafeTensors.write(file, Map.of("h", half), Map.of());
        assertEquals(TensorDType.F16, SafeTensors.readHeader(file).tensors().get("h").dtype());
        NDArray back = SafeTensors.read(file, manager).get("h");
        assertEquals(DataType.FLOAT32, back.getDataType());
        assertArrayEquals(half.toType(DataType.FLOAT32, true).toFloatArray(), back.toFloatArray());
        assertEquals(DataType.FLOAT16, SafeTensors.read(file, manager, null, false).get("h").getDataType());
    }

    @Test
    void aHandBuiltFileFollowingTheSpecDecodes() throws IOException {
        // 'b' is listed first in the header but its bytes come second: the map follows the data order.
        ByteBuffer data = ByteBuffer.allocate(8 + 8 + 2 + 2 + 2).order(ByteOrder.LITTLE_ENDIAN);
        data.putFloat(1.5f).putFloat(-2f);        // a: F32 [2]      bytes 0..8
        data.putInt(7).putInt(-1);                // b: I32 [2]      bytes 8..16
        data.putShort((short) 0x3E00);            // h: F16 [] = 1.5 bytes 16..18
        data.putShort((short) 0xBFC0);            // bf: BF16 [1] = -1.5 bytes 18..20
        data.put((byte) 1).put((byte) 0);         // ok: BOOL [2]    bytes 20..22
        String header = "{" + entry("b", "I32", "[2]", 8, 16) + ",\"__metadata__\":{\"format\":\"pt\"},"
                + entry("a", "F32", "[2]", 0, 8) + "," + entry("h", "F16", "[]", 16, 18) + ","
                + entry("bf", "BF16", "[1]", 18, 20) + "," + entry("ok", "BOOL", "[2, 1]", 20, 22) + "}   ";
        Path file = handBuilt(header, data.array());

        Map<String, NDArray> tensors = SafeTensors.read(file, manager);
        assertEquals(List.of("a", "b", "h", "bf", "ok"), List.copyOf(tensors.keySet()));
        assertArrayEquals(new float[] {1.5f, -2f}, tensors.get("a").toFloatArray());
        assertArrayEquals(new int[] {7, -1}, tensors.get("b").toIntArray());
        assertEquals(new Shape(), tensors.get("h").getShape());
        assertEquals(1.5f, tensors.get("h").getFloat());
        assertArrayEquals(new float[] {-1.5f}, tensors.get("bf").toFloatArray());
        assertArrayEquals(new boolean[] {true, false}, tensors.get("ok").toBooleanArray());
        assertEquals(new Shape(2, 1), tensors.get("ok").getShape());

        SafeTensors.Header h = SafeTensors.readHeader(file);
        assertEquals(Map.of("format", "pt"), h.metadata());
        assertEquals(8 + header.length(), h.dataStart());
        assertEquals(new SafeTensors.TensorInfo("b", TensorDType.I32, new Shape(2), 8, 16), h.tensors().get("b"));
    }

    @Test
    void theWritersOutputFollowsTheSpec() throws IOException {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("z.weight", manager.create(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, new Shape(2, 3)));
        tensors.put("a.bias", manager.create(new float[] {-0.5f}));
        tensors.put("m.ids", manager.create(new long[] {3L, 1L << 40}));
        Path file = dir.resolve("w.safetensors");
        SafeTensors.write(file, tensors, Map.of("step", "12"));

        // A minimal parser written straight from the format description.
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buffer.getLong();
        assertEquals(0, n % 8, "header padded to a multiple of 8");
        String json = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{"));
        String object = json.substring(0, json.lastIndexOf('}') + 1);
        assertTrue(json.substring(object.length()).matches(" *"), "padding is trailing spaces");
        JsonObject header = JsonParser.parseString(json).getAsJsonObject();
        assertEquals("12", header.getAsJsonObject("__metadata__").get("step").getAsString());
        List<String> names = new ArrayList<>(header.keySet());
        names.remove("__metadata__");
        assertEquals(List.of("a.bias", "m.ids", "z.weight"), names, "tensors sorted by name");
        int dataStart = 8 + (int) n;
        long expectedBegin = 0;
        for (String name : names) {
            JsonObject info = header.getAsJsonObject(name);
            JsonArray offsets = info.getAsJsonArray("data_offsets");
            assertEquals(expectedBegin, offsets.get(0).getAsLong(), "contiguous data for " + name);
            expectedBegin = offsets.get(1).getAsLong();
        }
        assertEquals(bytes.length - dataStart, expectedBegin, "data section fully covered");

        JsonObject weight = header.getAsJsonObject("z.weight");
        assertEquals("F32", weight.get("dtype").getAsString());
        assertEquals(List.of(2L, 3L), weight.getAsJsonArray("shape").asList().stream().map(JsonElement::getAsLong).toList());
        int begin = dataStart + weight.getAsJsonArray("data_offsets").get(0).getAsInt();
        assertArrayEquals(littleEndianFloats(1f, 2f, 3f, 4f, 5f, 6f), Arrays.copyOfRange(bytes, begin, begin + 24));
        JsonObject ids = header.getAsJsonObject("m.ids");
        assertEquals("I64", ids.get("dtype").getAsString());
        int idsBegin = dataStart + ids.getAsJsonArray("data_offsets").get(0).getAsInt();
        assertEquals(1L << 40, ByteBuffer.wrap(bytes, idsBegin + 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    @Test
    void theSameWeightsGiveTheSameBytes() throws IOException {
        Random random = new Random(7);
        NDArray a = randomArray(random, DataType.FLOAT32, new Shape(4, 4));
        NDArray b = randomArray(random, DataType.INT32, new Shape(3));
        Map<String, NDArray> first = new LinkedHashMap<>();
        first.put("a", a);
        first.put("b", b);
        Map<String, NDArray> second = new LinkedHashMap<>();
        second.put("b", b);
        second.put("a", a);
        Map<String, String> meta1 = new LinkedHashMap<>();
        meta1.put("x", "1");
        meta1.put("y", "2");
        Map<String, String> meta2 = new LinkedHashMap<>();
        meta2.put("y", "2");
        meta2.put("x", "1");
        Path one = dir.resolve("one.safetensors");
        Path two = dir.resolve("two.safetensors");
        SafeTensors.write(one, first, meta1);
        SafeTensors.write(two, second, meta2);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
    }

    @Test
    void aSubsetCanBeReadByName() throws IOException {
        Path file = dir.resolve("s.safetensors");
        SafeTensors.write(file, Map.of("x", manager.create(new float[] {1f}), "y", manager.create(new float[] {2f}),
                "z", manager.create(new float[] {3f})), null);
        Map<String, NDArray> subset = SafeTensors.read(file, manager, List.of("z", "x"));
        assertEquals(List.of("x", "z"), List.copyOf(subset.keySet()));
        assertEquals(3f, subset.get("z").getFloat(0));
        SafeTensorsException e = assertThrows(SafeTensorsException.class,
                () -> SafeTensors.read(file, manager, List.of("w")));
        assertEquals("w", e.tensor().orElseThrow());
        assertTrue(e.getMessage().contains("no such tensor") && e.getMessage().contains("x, y, z"), e.getMessage());
        assertEquals(List.of("x", "y", "z"), SafeTensors.readHeader(file).names());
    }

    @Test
    void readArraysOutliveGarbageCollection() throws IOException {
        Path file = dir.resolve("gc.safetensors");
        float[] values = new float[4096];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f;
        }
        SafeTensors.write(file, Map.of("w", manager.create(values)), Map.of());
        NDArray w = SafeTensors.read(file, manager).get("w");
        for (int i = 0; i < 3; i++) {
            System.gc();
            byte[] garbage = new byte[8 << 20];
            garbage[0] = 1;
        }
        assertArrayEquals(values, w.toFloatArray());
    }

    // ------------------------------------------------------------------ corrupt files

    @Test
    void aFileShorterThanTheLengthFieldIsTruncated() throws IOException {
        Path file = dir.resolve("short.safetensors");
        Files.write(file, new byte[] {1, 2, 3});
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.readHeader(file));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aHeaderLengthBeyondTheFileIsReported() throws IOException {
        Path file = dir.resolve("long.safetensors");
        byte[] bytes = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array();
        Files.write(file, bytes);
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.readHeader(file));
        assertTrue(e.getMessage().contains("header length 1000 goes beyond the end of the file (20 bytes)"),
                e.getMessage());
        Files.write(file, ByteBuffer.allocate(8).putLong(-1).array());
        e = assertThrows(SafeTensorsException.class, () -> SafeTensors.readHeader(file));
        assertTrue(e.getMessage().contains("18446744073709551615"), e.getMessage());
    }

    @Test
    void invalidJsonIsReported() throws IOException {
        SafeTensorsException e = corrupt("{\"a\":{\"dtype\":\"F32\",}", new byte[0]);
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        e = corrupt("[1,2]", new byte[0]);
        assertTrue(e.getMessage().contains("does not start with '{'"), e.getMessage());
        e = corrupt("{} {}", new byte[0]);
        assertTrue(e.getMessage().contains("JSON"), e.getMessage());
    }

    @Test
    void offsetsBeyondTheDataAreReportedForTheTensor() throws IOException {
        SafeTensorsException e = corrupt("{" + entry("w", "F32", "[4]", 0, 16) + "}", new byte[12]);
        assertEquals("w", e.tensor().orElseThrow());
        assertTrue(e.getMessage().contains("reach beyond the data section (12 bytes)"), e.getMessage());
    }

    @Test
    void aTruncatedWrittenFileIsReported() throws IOException {
        Path file = dir.resolve("cut.safetensors");
        SafeTensors.write(file, Map.of("w", manager.ones(new Shape(100))), Map.of());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        SafeTensorsException e = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(file, manager));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("'w'"), e.getMessage());
    }

    @Test
    void overlappingOffsetsAreReported() throws IOException {
        SafeTensorsException e = corrupt("{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12)
                + "}", new byte[12]);
        assertEquals("b", e.tensor().orElseThrow());
        assertTrue(e.getMessage().contains("overlap tensor 'a'"), e.getMessage());
    }

    @Test
    void gapsAndTrailingBytesAreReported() throws IOException {
        SafeTensorsException gap = corrupt("{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("b", "F32", "[1]", 8, 12)
                + "}", new byte[12]);
        assertTrue(gap.getMessage().contains("no gaps"), gap.getMessage());
        SafeTensorsException trailing = corrupt("{" + entry("a", "F32", "[1]", 0, 4) + "}", new byte[6]);
        assertTrue(trailing.getMessage().contains("unexpected bytes after the last tensor"), trailing.getMessage());
    }

    @Test
    void aShapeThatDoesNotMatchTheOffsetsIsReported() throws IOException {
        SafeTensorsException e = corrupt("{" + entry("w", "F32", "[2, 3]", 0, 20) + "}", new byte[20]);
        assertEquals("w", e.tensor().orElseThrow());
        assertTrue(e.getMessage().contains("shape [2, 3] of F32 needs 24 bytes but data_offsets [0, 20] hold 20"),
                e.getMessage());
        e = corrupt("{" + entry("w", "F32", "[-1]", 0, 4) + "}", new byte[4]);
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void anUnsupportedDtypeIsReported() throws IOException {
        SafeTensorsException e = corrupt("{" + entry("q", "F8_E4M3", "[4]", 0, 4) + "}", new byte[4]);
        assertEquals("q", e.tensor().orElseThrow());
        assertTrue(e.getMessage().contains("unsupported dtype 'F8_E4M3'") && e.getMessage().contains("BF16"),
                e.getMessage());
    }

    @Test
    void duplicateNamesAreReported() throws IOException {
        SafeTensorsException e = corrupt("{" + entry("w", "F32", "[1]", 0, 4) + "," + entry("w", "F32", "[1]", 4, 8)
                + "}", new byte[8]);
        assertEquals("w", e.tensor().orElseThrow());
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
    }

    @Test
    void missingFieldsAndWrongTypesInAnEntryAreReported() throws IOException {
        SafeTensorsException e = corrupt("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", new byte[0]);
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("lacks data_offsets"), e.getMessage());
        e = corrupt("{\"w\":{\"dtype\":\"F32\",\"shape\":\"1\",\"data_offsets\":[0,4]}}", new byte[4]);
        assertTrue(e.getMessage().contains("shape must be an array"), e.getMessage());
        e = corrupt("{\"__metadata__\":{\"n\":1}}", new byte[0]);
        assertTrue(e.getMessage().contains("must be a string"), e.getMessage());
    }

    // ------------------------------------------------------------------ failed writes

    @Test
    void aWriteThatFailsLeavesThePreviousFileUntouched() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, Map.of("w", manager.ones(new Shape(64))), Map.of("version", "1"));
        byte[] before = Files.readAllBytes(file);

        NDArray closed = manager.zeros(new Shape(8));
        closed.close();
        Map<String, NDArray> broken = new LinkedHashMap<>();
        broken.put("a", manager.zeros(new Shape(1000)));
        broken.put("b", closed);
        assertThrows(RuntimeException.class, () -> SafeTensors.write(file, broken, Map.of("version", "2")));
        IllegalArgumentException unsupported = assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(
                file, Map.of("c", manager.create(new String[] {"text"})), Map.of()));
        assertTrue(unsupported.getMessage().contains("'c'"), unsupported.getMessage());

        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(List.of("model.safetensors"), list.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("1", SafeTensors.readHeader(file).metadata().get("version"));
    }

    @Test
    void reservedNamesCannotBeWritten() {
        Path file = dir.resolve("bad.safetensors");
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(file,
                Map.of("__metadata__", manager.zeros(new Shape(1))), Map.of()));
        assertFalse(Files.exists(file));
    }
}
