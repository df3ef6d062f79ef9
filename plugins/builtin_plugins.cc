#include "plugins/builtin_plugins.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "plugins/dates/dates_plugin.h"
#include "plugins/lists/lists_plugin.h"
#include "plugins/markets/markets_plugin.h"
#include "plugins/money/money_plugin.h"
#include "plugins/screening/screening_plugin.h"
#include "plugins/text/text_plugin.h"

namespace tradelint {

BuiltinPlugins::BuiltinPlugins(const BuiltinPluginOptions& options) {
  plugins_.push_back(std::make_unique<const TextPlugin>());
  plugins_.push_back(std::make_unique<const RegexPlugin>(options.regex));
  plugins_.push_back(std::make_unique<const DatesPlugin>());
  plugins_.push_back(std::make_unique<const MoneyPlugin>());
  plugins_.push_back(std::make_unique<const MarketsPlugin>());
  plugins_.push_back(std::make_unique<const ListsPlugin>());
  plugins_.push_back(std::make_unique<const ScreeningPlugin>(options.dispositions));
}

std::vector<const Plugin*> BuiltinPlugins::plugins() const& {
  std::vector<const Plugin*> plugins;
  for (const auto& plugin : plugins_) plugins.push_back(plugin.get());
  return plugins;
}

void RegisterBuiltinPlugins(FunctionRegistry& registry, const BuiltinPluginOptions& options) {
  const BuiltinPlugins builtin(options);
  for (const Plugin* plugin : builtin.plugins()) {
    std::string error;
    if (!registry.Register(*plugin, &error)) {
      std::fprintf(stderr, "tradelint: cannot register the built-in plugins: %s\n", error.c_str());
      std::abort();
    }
  }
}

}  // namespace tradelint
