#include "plugins/builtin_plugins.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/plugins/function_harness.h"

namespace tradelint {
namespace {

TEST(BuiltinPluginsTest, RegistersTheWholeLibrary) {
  EXPECT_EQ(Builtins().Names(), (std::vector<std::string>{"amount",
                                                          "casefold",
                                                          "contains",
                                                          "contains_any",
                                                          "contains_text",
                                                          "contains_word",
                                                          "convert",
                                                          "count",
                                                          "country_of",
                                                          "currency",
                                                          "date",
                                                          "day",
                                                          "days_between",
                                                          "distinct",
                                                          "ends_with",
                                                          "extract",
                                                          "flatten",
                                                          "full_match",
                                                          "has_prefix",
                                                          "hs_code_known",
                                                          "hs_unknown",
                                                          "is_group",
                                                          "len",
                                                          "lower",
                                                          "matches",
                                                          "matching_words",
                                                          "max",
                                                          "members",
                                                          "min",
                                                          "money",
                                                          "month",
                                                          "normalize",
                                                          "official_languages",
                                                          "period_end",
                                                          "primary_language",
                                                          "sanctions_match",
                                                          "starts_with",
                                                          "sum",
                                                          "today",
                                                          "trim",
                                                          "upper",
                                                          "year"}));
  std::vector<std::string> plugins;
  for (const auto& plugin : Builtins().plugins()) plugins.push_back(plugin.name);
  EXPECT_EQ(plugins, (std::vector<std::string>{"text", "regex", "dates", "money", "markets",
                                               "lists", "screening"}));
}

TEST(BuiltinPluginsTest, EveryFunctionDeclaresAndImplementsItself) {
  for (const std::string& name : Builtins().Names()) {
    const FunctionDef& def = Function(name);
    EXPECT_EQ(def.name, name);
    EXPECT_TRUE(def.signature.starts_with(name + "(")) << def.signature;
    EXPECT_NE(def.signature.find(") -> "), std::string::npos) << def.signature;
    EXPECT_FALSE(def.summary.empty()) << name;
    EXPECT_TRUE(def.check) << name;
    EXPECT_TRUE(def.eval) << name;
    // Only sanctions_match takes missing arguments: a party's country or date of birth that
    // the record does not state is simply not compared (docs/screening.md).
    EXPECT_EQ(def.accepts_missing, name == "sanctions_match") << name;
  }
}

TEST(BuiltinPluginsTest, ListsEachPluginOnce) {
  const BuiltinPlugins builtin;
  std::vector<std::string> names;
  for (const Plugin* plugin : builtin.plugins()) names.emplace_back(plugin->name());
  EXPECT_EQ(names, (std::vector<std::string>{"text", "regex", "dates", "money", "markets", "lists",
                                             "screening"}));
}

TEST(BuiltinPluginsTest, TheOptionsReachTheRegexPlugin) {
  const BuiltinPlugins builtin(
      BuiltinPluginOptions{.regex = {.max_mem = 1 << 10}, .dispositions = nullptr});
  FunctionRegistry registry;
  std::string error;
  for (const Plugin* plugin : builtin.plugins())
    ASSERT_TRUE(registry.Register(*plugin, &error)) << error;
  const std::vector<Value> args = {Value("x"), Value(R"(\w{50}\d{50})")};
  const PrepareResult prepared = registry.Find("matches")->prepare(Infos(args));
  EXPECT_TRUE(std::holds_alternative<CheckError>(prepared));
}

TEST(BuiltinPluginsTest, RegisteringTwiceIsAProgrammingError) {
  FunctionRegistry registry;
  RegisterBuiltinPlugins(registry);
  EXPECT_DEATH(RegisterBuiltinPlugins(registry), "already registered");
}

}  // namespace
}  // namespace tradelint
