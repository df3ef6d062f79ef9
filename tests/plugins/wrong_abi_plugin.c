/* A plugin built for a plugin ABI version this tradelint does not load (one newer than
 * engine/plugin/abi/tradelint_plugin.h's): `--plugin` must refuse it with a clear error
 * (tests/plugins/run_plugin_tests.py). */
#include <stddef.h>

#include "engine/plugin/abi/tradelint_plugin.h"

static const tradelint_plugin kPlugin = {TRADELINT_PLUGIN_ABI_VERSION + 1, "wrong_abi", "1.0.0",
                                         NULL, 0};

TRADELINT_PLUGIN_EXPORT const tradelint_plugin* tradelint_plugin_entry(void) { return &kPlugin; }
