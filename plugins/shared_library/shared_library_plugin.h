#pragma once
// A plugin loaded from a shared library built outside the tree against the C plugin ABI
// (engine/plugin/abi/tradelint_plugin.h, docs/plugins.md): `--plugin LIB.so`.
//
// The library's function table becomes FunctionDefs like the built-in plugins' (a fixed
// signature for the checker, an `eval` that converts arguments and the result across the C
// ABI), so a loaded plugin is registered as any other (EngineOptions::plugins). The library
// stays loaded while any of its FunctionDefs lives, also after this object is gone.
//
//   std::string error;
//   std::unique_ptr<const Plugin> plugin = LoadSharedLibraryPlugin("gtin.so", &error);
//   if (plugin == nullptr) { std::cerr << error; return 2; }
//   options.plugins.push_back(plugin.get());

#include <memory>
#include <string>

#include "engine/plugin/plugin.h"

namespace tradelint {

// Loads the plugin library at `path`. Returns null and sets `error` (one line, naming the
// path) when the library cannot be loaded, exports no TRADELINT_PLUGIN_ENTRY, was built for
// another plugin ABI version, or declares a function that is not well formed.
std::unique_ptr<const Plugin> LoadSharedLibraryPlugin(const std::string& path, std::string* error);

}  // namespace tradelint
