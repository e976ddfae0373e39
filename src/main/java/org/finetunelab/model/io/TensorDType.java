package org.finetunelab.model.io;

import ai.djl.ndarray.types.DataType;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element types this project reads and writes in safetensors files, with their names in the header.
 * BF16 can only be read, and always arrives as F32: DJL 0.36's PyTorch engine aborts the whole JVM on
 * BFLOAT16 (and INT16, UINT64) arrays, so BF16 values are widened in Java before an array is made.
 */
public enum TensorDType {
    F64("F64", DataType.FLOAT64, 8),
    F32("F32", DataType.FLOAT32, 4),
    F16("F16", DataType.FLOAT16, 2),
    BF16("BF16", DataType.BFLOAT16, 2),
    I64("I64", DataType.INT64, 8),
    I32("I32", DataType.INT32, 4),
    I8("I8", DataType.INT8, 1),
    U8("U8", DataType.UINT8, 1),
    BOOL("BOOL", DataType.BOOLEAN, 1);

    private final String headerName;
    private final DataType djlType;
    private final int bytes;

    TensorDType(String headerName, DataType djlType, int bytes) {
        this.headerName = headerName;
        this.djlType = djlType;
        this.bytes = bytes;
    }

    /** The name written in the file's header, e.g. {@code "F32"}. */
    public String headerName() {
        return headerName;
    }

    /** The matching DJL element type. */
    public DataType djlType() {
        return djlType;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** True for the 16-bit float types, which {@link SafeTensors#read} widens to F32 by default. */
    public boolean isHalfPrecision() {
        return this == F16 || this == BF16;
    }

    /** The type named {@code headerName} in a header, if this project supports it. */
    public static Optional<TensorDType> fromHeaderName(String headerName) {
        return Arrays.stream(values()).filter(t -> t.headerName.equals(headerName)).findFirst();
    }

    /** The type that stores DJL arrays of {@code type}, if this project can write it. */
    public static Optional<TensorDType> fromDjl(DataType type) {
        return Arrays.stream(values()).filter(t -> t != BF16 && t.djlType == type).findFirst();
    }

    /** The header names this project supports, for error messages. */
    public static String supportedNames() {
        return String.join(", ", Arrays.stream(values()).map(TensorDType::headerName).toList());
    }
}
