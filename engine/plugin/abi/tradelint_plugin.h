/* The plugin ABI of tradelint, version 1: how a shared library outside the tree adds functions
 * to the rule language (docs/plugins.md). Plain C, so that a plugin may be written in any
 * language that can export a C function, and built with any compiler.
 *
 * A plugin library exports one function, TRADELINT_PLUGIN_ENTRY, returning a table that lives
 * as long as the library is loaded. `tradelint check --plugin LIB.so` (also lint, test, rules)
 * loads the library, checks the table's `abi_version` against its own, and registers each
 * function as the built-in plugins' are (plugins/shared_library/): the checker checks calls
 * against `parameters` and `result`, the evaluator calls `eval`.
 *
 *   static void gtin_valid(const tradelint_call* call) { ... call->set_result(...); }
 *   static const tradelint_type kParameters[] = {TRADELINT_TYPE_STRING};
 *   static const tradelint_function kFunctions[] = {
 *       {"gtin_valid", "whether a GTIN's check digit is right", kParameters, 1,
 *        TRADELINT_TYPE_BOOL, gtin_valid}};
 *   static const tradelint_plugin kPlugin = {TRADELINT_PLUGIN_ABI_VERSION, "gtin", "1.0",
 *                                            kFunctions, 1};
 *   TRADELINT_PLUGIN_EXPORT const tradelint_plugin* tradelint_plugin_entry(void) {
 *     return &kPlugin;
 *   }
 *
 * Versions: any change to a type of this header makes a new TRADELINT_PLUGIN_ABI_VERSION;
 * `abi_version` stays the first member of tradelint_plugin in every version, so that a
 * tradelint can read it from a plugin of any version and refuse one built for another.
 */
#ifndef TRADELINT_PLUGIN_ABI_TRADELINT_PLUGIN_H_
#define TRADELINT_PLUGIN_ABI_TRADELINT_PLUGIN_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TRADELINT_PLUGIN_ABI_VERSION 1

/* The name of the function every plugin library exports. */
#define TRADELINT_PLUGIN_ENTRY "tradelint_plugin_entry"

#if defined(__GNUC__)
#define TRADELINT_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define TRADELINT_PLUGIN_EXPORT
#endif

/* The types a parameter, a result and a value may have. */
typedef enum tradelint_type {
  TRADELINT_TYPE_MISSING = 0, /* a value only: unknown (the function cannot decide) */
  TRADELINT_TYPE_BOOL = 1,
  TRADELINT_TYPE_NUMBER = 2, /* an exact decimal, as text: `-12.50`, `3`, `1e3` */
  TRADELINT_TYPE_STRING = 3, /* UTF-8 text */
  TRADELINT_TYPE_DATE = 4    /* `YYYY-MM-DD` */
} tradelint_type;

/* One value: an argument or a result. */
typedef struct tradelint_value {
  tradelint_type type;
  int boolean;      /* TRADELINT_TYPE_BOOL: 0 or 1 */
  const char* text; /* NUMBER, STRING, DATE: `size` bytes, not NUL-terminated */
  size_t size;
} tradelint_value;

/* One call of a function. Valid only until `eval` returns. */
typedef struct tradelint_call {
  /* One per parameter, each of its parameter's type: a call whose argument is missing (a
   * field the record does not state) is never made; its result is missing. */
  const tradelint_value* arguments;
  size_t argument_count;
  const char* market; /* NUL-terminated: the market judged, `DE` */
  const char* as_of;  /* NUL-terminated: the legal date judged at, `2025-03-01` */
  /* Sets the call's result to a copy of `*value` (whose text need not outlive the call).
   * A call that sets no result, or one of another type than the function's result,
   * gives missing: the rule then reports missing data rather than a verdict. */
  void (*set_result)(void* result, const tradelint_value* value);
  void* result;
} tradelint_call;

/* A function's implementation. Called from several threads at once: keep no mutable state. */
typedef void (*tradelint_eval_function)(const tradelint_call* call);

typedef struct tradelint_function {
  const char* name;    /* as rules call it: lower case, digits and `_`, not a built-in's name */
  const char* summary; /* one line, for `tradelint rules` and the docs */
  const tradelint_type* parameters; /* parameter_count types, none TRADELINT_TYPE_MISSING */
  size_t parameter_count;
  tradelint_type result; /* not TRADELINT_TYPE_MISSING */
  tradelint_eval_function eval;
} tradelint_function;

typedef struct tradelint_plugin {
  uint32_t abi_version; /* TRADELINT_PLUGIN_ABI_VERSION as the plugin was built */
  const char* name;
  const char* version;
  const tradelint_function* functions;
  size_t function_count;
} tradelint_plugin;

/* The entry point (TRADELINT_PLUGIN_ENTRY) every plugin library exports. */
typedef const tradelint_plugin* (*tradelint_plugin_entry_function)(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TRADELINT_PLUGIN_ABI_TRADELINT_PLUGIN_H_ */
