package org.finetunelab.model.io;

import org.finetunelab.io.AtomicFiles;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and writes the safetensors format, the plain weight-file format of Hugging Face models:
 *
 * <pre>
 * [8 bytes: N, unsigned little-endian] [N bytes: JSON header, padded with spaces] [raw tensor bytes]
 * header: {"__metadata__": {"key": "value"}, "name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}, ...}
 * </pre>
 *
 * Offsets count from the first byte after the header; the tensors' byte ranges cover the data section
 * exactly, without gaps or overlaps; elements are little-endian in row-major order.
 *
 * <p>Writes are atomic ({@link AtomicFiles}) and deterministic: tensors and metadata are sorted by name,
 * so the same weights always give the same bytes. Arrays read from a file own their memory (they are
 * copied into PyTorch storage, not wrapped around a Java buffer that the garbage collector could free).
 */
public final class SafeTensors {
    /** The header key that holds free-form string metadata instead of a tensor. */
    public static final String METADATA_KEY = "__metadata__";
    /** Headers larger than this are refused as corrupt (the reference implementation uses the same bound). */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private SafeTensors() {
    }

    /** Where one tensor's bytes lie and how to interpret them. Offsets count from the start of the data. */
    public record TensorInfo(String name, TensorDType dtype, Shape shape, long begin, long end) {
        public long byteLength() {
            return end - begin;
        }
    }

    /**
     * A file's table of contents.
     *
     * @param tensors     tensors in the order their bytes lie in the file
     * @param metadata    the free-form {@code __metadata__} map (empty when absent)
     * @param dataStart   file position of the first data byte (8 + header length)
     */
    public record Header(Path file, Map<String, TensorInfo> tensors, Map<String, String> metadata, long dataStart) {
        public List<String> names() {
            return List.copyOf(tensors.keySet());
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes {@code tensors} (each in its own element type; F32 for the usual float weights) and
     * {@code metadata} to {@code file}, replacing it atomically.
     *
     * @throws IllegalArgumentException when a name is {@value #METADATA_KEY} or empty, or an array's
     *                                  element type has no safetensors equivalent here
     */
    public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata) throws IOException {
        Map<String, NDArray> sorted = new TreeMap<>(tensors);
        List<TensorInfo> layout = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, NDArray> entry : sorted.entrySet()) {
            String name = entry.getKey();
            NDArray array = entry.getValue();
            if (name.isEmpty() || name.equals(METADATA_KEY)) {
                throw new IllegalArgumentException(file + ": '" + name + "' cannot be a tensor name; rename the tensor.");
            }
            TensorDType dtype = TensorDType.fromDjl(array.getDataType()).orElseThrow(() -> new IllegalArgumentException(
                    file + ", tensor '" + name + "': element type " + array.getDataType() + " cannot be saved; convert it "
                            + "with toType(...) to one of " + TensorDType.supportedNames()));
            long length = Math.multiplyExact(array.getShape().size(), (long) dtype.bytes());
            layout.add(new TensorInfo(name, dtype, array.getShape(), offset, offset + length));
            offset += length;
        }
        byte[] header = headerBytes(layout, metadata == null ? Map.of() : metadata);
        AtomicFiles.write(file, out -> {
            ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
            out.write(lengthField.array());
            out.write(header);
            byte[] chunk = new byte[1 << 16];
            for (TensorInfo info : layout) {
                ByteBuffer data = littleEndianBytes(file, info, sorted.get(info.name()));
                while (data.hasRemaining()) {
                    int n = Math.min(chunk.length, data.remaining());
                    data.get(chunk, 0, n);
                    out.write(chunk, 0, n);
                }
            }
        });
    }

    private static ByteBuffer littleEndianBytes(Path file, TensorInfo info, NDArray array) {
        requireLittleEndianHost();
        ByteBuffer data = array.toByteBuffer();
        if (data.remaining() != info.byteLength()) {
            throw new IllegalStateException(file + ", tensor '" + info.name() + "': expected " + info.byteLength()
                    + " bytes of data but the array gave " + data.remaining());
        }
        return data;
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes so the data starts aligned. */
    private static byte[] headerBytes(List<TensorInfo> layout, Map<String, String> metadata) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.beginObject();
            if (!metadata.isEmpty()) {
                json.name(METADATA_KEY).beginObject();
                for (Map.Entry<String, String> entry : new TreeMap<>(metadata).entrySet()) {
                    json.name(entry.getKey()).value(entry.getValue());
                }
                json.endObject();
            }
            for (TensorInfo info : layout) {
                json.name(info.name()).beginObject();
                json.name("dtype").value(info.dtype().headerName());
                json.name("shape").beginArray();
                for (long dim : info.shape().getShape()) {
                    json.value(dim);
                }
                json.endArray();
                json.name("data_offsets").beginArray().value(info.begin()).value(info.end()).endArray();
                json.endObject();
            }
            json.endObject();
        }
        byte[] raw = text.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (raw.length + 7) / 8 * 8;
        byte[] header = new byte[padded];
        System.arraycopy(raw, 0, header, 0, raw.length);
        Arrays.fill(header, raw.length, padded, (byte) ' ');
        return header;
    }

    // ------------------------------------------------------------------ reading

    /** Reads every tensor, widening F16/BF16 to F32 (the lab trains in F32), in file order. */
    public static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
        return read(file, manager, null, true);
    }

    /** Reads only the named tensors (in file order), widening F16/BF16 to F32. */
    public static Map<String, NDArray> read(Path file, NDManager manager, Collection<String> names) throws IOException {
        return read(file, manager, names, true);
    }

    /**
     * Reads the named tensors, or all when {@code names} is null, in file order.
     *
     * @param widenHalfToFloat32 true to turn F16 tensors into F32, false to keep them F16 (BF16 always
     *                           becomes F32, see {@link TensorDType})
     * @throws SafeTensorsException when the file is corrupt or a requested name is missing
     */
    public static Map<String, NDArray> read(Path file, NDManager manager, Collection<String> names,
                                            boolean widenHalfToFloat32) throws IOException {
        requireLittleEndianHost();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Header header = parseHeader(file, channel);
            Set<String> wanted = names == null ? header.tensors().keySet() : new LinkedHashSet<>(names);
            for (String name : wanted) {
                if (!header.tensors().containsKey(name)) {
                    throw new SafeTensorsException(file, name, "no such tensor; the file holds "
                            + describeNames(header.names()));
                }
            }
            Map<String, NDArray> result = new LinkedHashMap<>();
            try {
                for (TensorInfo info : header.tensors().values()) {
                    if (wanted.contains(info.name())) {
                        result.put(info.name(), readTensor(file, channel, header.dataStart(), info, manager,
                                widenHalfToFloat32));
                    }
                }
            } catch (IOException | RuntimeException e) {
                result.values().forEach(NDArray::close);
                throw e;
            }
            return result;
        }
    }

    private static NDArray readTensor(Path file, FileChannel channel, long dataStart, TensorInfo info,
                                      NDManager manager, boolean widen) throws IOException {
        if (info.byteLength() > Integer.MAX_VALUE) {
            throw new SafeTensorsException(file, info.name(), info.byteLength() + " bytes is more than one array "
                    + "can hold here (2 GiB); split the tensor");
        }
        ByteBuffer data = ByteBuffer.allocateDirect((int) info.byteLength()).order(ByteOrder.nativeOrder());
        long position = dataStart + info.begin();
        while (data.hasRemaining()) {
            int n = channel.read(data, position);
            if (n < 0) {
                throw new SafeTensorsException(file, info.name(), "the file ended while reading the tensor's data; "
                        + "it was truncated, save it again");
            }
            position += n;
        }
        data.flip();
        DataType type = info.dtype().djlType();
        if (info.dtype() == TensorDType.BF16) {
            data = bfloat16ToFloat32(data);
            type = DataType.FLOAT32;
        }
        // The array made from the buffer only borrows the buffer's memory: copy it into storage the array owns.
        try (NDArray borrowed = manager.create(data, info.shape(), type)) {
            NDArray owned = widen && info.dtype().isHalfPrecision()
                    ? borrowed.toType(DataType.FLOAT32, true)
                    : borrowed.duplicate();
            owned.setName(info.name());
            return owned;
        }
    }

    /** BF16 is the upper half of an F32: shifting the 16 bits left gives the same number exactly. */
    private static ByteBuffer bfloat16ToFloat32(ByteBuffer bf16) {
        ByteBuffer f32 = ByteBuffer.allocateDirect(bf16.remaining() * 2).order(ByteOrder.nativeOrder());
        while (bf16.hasRemaining()) {
            f32.putInt((bf16.getShort() & 0xFFFF) << 16);
        }
        return f32.flip();
    }

    /** Reads only the header: names, types, shapes, offsets and metadata, without any tensor data. */
    public static Header readHeader(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return parseHeader(file, channel);
        }
    }

    private static Header parseHeader(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize < 8) {
            throw new SafeTensorsException(file, null, "truncated: the file has " + fileSize + " bytes, but a safetensors "
                    + "file starts with an 8-byte header length; save the file again");
        }
        ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthField, 0);
        long headerLength = lengthField.flip().getLong();
        if (headerLength < 0 || headerLength > fileSize - 8) {
            throw new SafeTensorsException(file, null, "the header length " + Long.toUnsignedString(headerLength)
                    + " goes beyond the end of the file (" + fileSize + " bytes): the file is truncated or not a "
                    + "safetensors file");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new SafeTensorsException(file, null, "the header length " + headerLength + " is larger than "
                    + MAX_HEADER_BYTES + " bytes: not a safetensors file");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(channel, headerBytes, 8);
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(headerBytes.flip()).toString();
        } catch (CharacterCodingException e) {
            throw new SafeTensorsException(file, null, "the header is not UTF-8 text: not a safetensors file");
        }
        if (!json.startsWith("{")) {
            throw new SafeTensorsException(file, null, "the header does not start with '{': not a safetensors file");
        }
        HeaderParser parser = new HeaderParser(file, json);
        parser.parse();
        long dataStart = 8 + headerLength;
        Map<String, TensorInfo> ordered = checkLayout(file, parser.tensors, fileSize - dataStart);
        return new Header(file, Collections.unmodifiableMap(ordered), Collections.unmodifiableMap(parser.metadata),
                dataStart);
    }

    /** Checks that the tensors tile the data section exactly; returns them sorted by position. */
    private static Map<String, TensorInfo> checkLayout(Path file, List<TensorInfo> tensors, long dataLength)
            throws SafeTensorsException {
        List<TensorInfo> byPosition = new ArrayList<>(tensors);
        byPosition.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        Map<String, TensorInfo> ordered = new LinkedHashMap<>();
        long expectedBegin = 0;
        TensorInfo previous = null;
        for (TensorInfo info : byPosition) {
            if (info.end() > dataLength) {
                throw new SafeTensorsException(file, info.name(), "data_offsets [" + info.begin() + ", " + info.end()
                        + "] reach beyond the data section (" + dataLength + " bytes): the file is truncated "
                        + "or its header is wrong; save it again");
            }
            if (info.begin() < expectedBegin) {
                throw new SafeTensorsException(file, info.name(), "data_offsets [" + info.begin() + ", " + info.end()
                        + "] overlap tensor '" + previous.name() + "' [" + previous.begin() + ", " + previous.end()
                        + "]: the header is corrupt");
            }
            if (info.begin() > expectedBegin) {
                throw new SafeTensorsException(file, info.name(), "data_offsets start at " + info.begin()
                        + " but the previous tensor ends at " + expectedBegin + ": the data section must have no "
                        + "gaps; the header is corrupt");
            }
            ordered.put(info.name(), info);
            expectedBegin = info.end();
            previous = info;
        }
        if (expectedBegin != dataLength) {
            throw new SafeTensorsException(file, null, "the tensors cover " + expectedBegin + " bytes but the data "
                    + "section has " + dataLength + ": unexpected bytes after the last tensor; the file is corrupt");
        }
        return ordered;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new EOFException("unexpected end of file");
            }
            position += n;
        }
    }

    private static String describeNames(List<String> names) {
        int shown = Math.min(names.size(), 10);
        String list = String.join(", ", names.subList(0, shown));
        return names.size() + " tensors: " + list + (names.size() > shown ? ", ..." : "");
    }

    private static void requireLittleEndianHost() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("safetensors data is little-endian; this machine is big-endian");
        }
    }

    /** Turns the header JSON into tensor entries, naming the tensor in every error. */
    private static final class HeaderParser {
        private final Path file;
        private final String json;
        private final List<TensorInfo> tensors = new ArrayList<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();

        HeaderParser(Path file, String json) {
            this.file = file;
            this.json = json;
        }

        void parse() throws SafeTensorsException {
            Set<String> seen = new LinkedHashSet<>();
            String current = null;
            try (JsonReader reader = new JsonReader(new StringReader(json))) {
                reader.setStrictness(Strictness.STRICT);
                reader.beginObject();
                while (reader.hasNext()) {
                    current = reader.nextName();
                    if (!seen.add(current)) {
                        throw new SafeTensorsException(file, current, "the name appears twice in the header: the "
                                + "header is corrupt");
                    }
                    if (current.equals(METADATA_KEY)) {
                        readMetadata(reader);
                    } else {
                        tensors.add(readTensorEntry(reader, current));
                    }
                    current = null;
                }
                reader.endObject();
                if (reader.peek() != JsonToken.END_DOCUMENT) {
                    throw new SafeTensorsException(file, null, "unexpected text after the header's JSON object");
                }
            } catch (SafeTensorsException e) {
                throw e;
            } catch (IOException | IllegalStateException | NumberFormatException e) {
                throw new SafeTensorsException(file, current, "the header is not valid JSON of the expected form ("
                        + firstLine(e.getMessage()) + "): not a safetensors file, or a corrupt one");
            }
        }

        private void readMetadata(JsonReader reader) throws IOException {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new SafeTensorsException(file, null, METADATA_KEY + " must be an object of strings");
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String key = reader.nextName();
                if (reader.peek() != JsonToken.STRING) {
                    throw new SafeTensorsException(file, null, METADATA_KEY + " entry '" + key + "' must be a string, "
                            + "found " + reader.peek());
                }
                metadata.put(key, reader.nextString());
            }
            reader.endObject();
        }

        private TensorInfo readTensorEntry(JsonReader reader, String name) throws IOException {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new SafeTensorsException(file, name, "the header entry must be an object with dtype, shape and "
                        + "data_offsets, found " + reader.peek());
            }
            String dtypeName = null;
            List<Long> shape = null;
            List<Long> offsets = null;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "dtype" -> {
                        if (reader.peek() != JsonToken.STRING) {
                            throw new SafeTensorsException(file, name, "dtype must be a string, found " + reader.peek());
                        }
                        dtypeName = reader.nextString();
                    }
                    case "shape" -> shape = readNumbers(reader, name, "shape");
                    case "data_offsets" -> offsets = readNumbers(reader, name, "data_offsets");
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (dtypeName == null || shape == null || offsets == null) {
                throw new SafeTensorsException(file, name, "the header entry lacks "
                        + (dtypeName == null ? "dtype" : shape == null ? "shape" : "data_offsets"));
            }
            String finalDtypeName = dtypeName;
            TensorDType dtype = TensorDType.fromHeaderName(dtypeName).orElseThrow(() -> new SafeTensorsException(file,
                    name, "unsupported dtype '" + finalDtypeName + "'; supported: " + TensorDType.supportedNames()
                    + ". Convert the tensor before saving it"));
            if (offsets.size() != 2 || offsets.get(0) > offsets.get(1)) {
                throw new SafeTensorsException(file, name, "data_offsets must be [begin, end] with begin <= end, found "
                        + offsets);
            }
            long[] dims = shape.stream().mapToLong(Long::longValue).toArray();
            long expected;
            try {
                long elements = 1;
                for (long dim : dims) {
                    elements = Math.multiplyExact(elements, dim);
                }
                expected = Math.multiplyExact(elements, (long) dtype.bytes());
            } catch (ArithmeticException e) {
                throw new SafeTensorsException(file, name, "shape " + shape + " is too large");
            }
            long begin = offsets.get(0);
            long end = offsets.get(1);
            if (end - begin != expected) {
                throw new SafeTensorsException(file, name, "shape " + shape + " of " + dtype.headerName() + " needs "
                        + expected + " bytes but data_offsets [" + begin + ", " + end + "] hold " + (end - begin)
                        + ": the header is corrupt");
            }
            return new TensorInfo(name, dtype, new Shape(dims), begin, end);
        }

        private List<Long> readNumbers(JsonReader reader, String name, String field) throws IOException {
            if (reader.peek() != JsonToken.BEGIN_ARRAY) {
                throw new SafeTensorsException(file, name, field + " must be an array of non-negative integers, found "
                        + reader.peek());
            }
            List<Long> numbers = new ArrayList<>();
            reader.beginArray();
            while (reader.hasNext()) {
                if (reader.peek() != JsonToken.NUMBER) {
                    throw new SafeTensorsException(file, name, field + " must hold integers, found " + reader.peek());
                }
                String literal = reader.nextString();
                long value;
                try {
                    value = Long.parseLong(literal);
                } catch (NumberFormatException e) {
                    throw new SafeTensorsException(file, name, field + " holds '" + literal + "', which is not a "
                            + "whole number that fits in 64 bits");
                }
                if (value < 0) {
                    throw new SafeTensorsException(file, name, field + " holds the negative number " + value);
                }
                numbers.add(value);
            }
            reader.endArray();
            return numbers;
        }

        private static String firstLine(String message) {
            if (message == null) {
                return "no details";
            }
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
    }
}
