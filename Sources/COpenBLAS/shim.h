#ifndef PRETEXT_COPENBLAS_SHIM_H
#define PRETEXT_COPENBLAS_SHIM_H
// Debian's OpenBLAS (libopenblas-dev, the pthread variant found through pkg-config `openblas`):
// the CBLAS interface (cblas_sgemm and friends) and openblas_set_num_threads.
#include <cblas.h>
#endif
