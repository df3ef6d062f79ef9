#include "plugins/builtin_plugins.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "plugins/dates/dates_plugin.h"
#include "plugins/lists/lists_plugin.h"
#include "plugins/markets/markets_plugin.h"
#include "plugins/money/money_plugin.h"
#include "plugins/text/text_plugin.h"

namespace tradelint {

void RegisterBuiltinPlugins(FunctionRegistry& registry, const BuiltinPluginOptions& options) {
  const TextPlugin text;
  const RegexPlugin regex(options.regex);
  const DatesPlugin dates;
  const MoneyPlugin money;
  const MarketsPlugin markets;
  const ListsPlugin lists;
  const Plugin* const plugins[] = {&text, &regex, &dates, &money, &markets, &lists};
  for (const Plugin* plugin : plugins) {
    std::string error;
    if (!registry.Register(*plugin, &error)) {
      std::fprintf(stderr, "tradelint: cannot register the built-in plugins: %s\n", error.c_str());
      std::abort();
    }
  }
}

}  // namespace tradelint
