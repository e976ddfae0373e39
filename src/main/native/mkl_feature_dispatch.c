/*
 * Lets Intel's math library (MKL) choose its code by what the processor can do, not by who made it.
 *
 * PyTorch, and so DJL, does its matrix products with MKL, which has hand-tuned code for each instruction
 * set (AVX2, AVX-512, ...). Before picking one, MKL asks mkl_serv_intel_cpu_true() whether the processor
 * is an Intel one; on an AMD processor the answer is no and several routines fall back to generic code,
 * even where the processor has the very instructions the tuned code needs. Measured on a 2-core AMD EPYC
 * (docs/benchmarks.md, Performance work): the matrix-vector products of generation ran in MKL's generic
 * kernel, and training steps and generation both got markedly faster with this file.
 *
 * ./lab builds this file into target/native/ and preloads it (LD_PRELOAD) into the lab's Java processes
 * on AMD processors with AVX2, so that the dynamic linker finds this answer before MKL's own. MKL then
 * still checks the processor's instruction sets itself. Set LAB_MKL_FEATURE_DISPATCH=0 to run without it.
 */
int mkl_serv_intel_cpu_true(void) {
    return 1;
}
