// The options jemalloc reads at start-up for the command line (jemalloc's `malloc_conf`; the
// MALLOC_CONF environment variable still overrides them). Linked only where jemalloc is
// (tools/tradelint/CMakeLists.txt).
//
// thp:always asks for transparent huge pages (madvise MADV_HUGEPAGE) on the allocator's memory,
// where the kernel allows them: a run touches its heap in 2 MiB pages rather than 4 KiB ones.
// A cold `check` of the bundled rulesets had taken about 8,500 page faults, which cost more
// system time than compiling the rules took user time (bench/README.md); with huge pages it
// takes about 3,500, in about 60 % of the wall time, for 10 MB more peak memory. Where the
// kernel offers no huge pages the option changes nothing.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's.
const char* malloc_conf = "thp:always";
}
