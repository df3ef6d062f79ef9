#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/plugin/plugin.h"

namespace tradelint {
namespace {

class FakePlugin : public Plugin {
 public:
  FakePlugin(std::string name, std::vector<std::string> functions)
      : name_(std::move(name)), functions_(std::move(functions)) {}
  std::string_view name() const override { return name_; }
  std::string_view version() const override { return "2.1"; }
  std::vector<FunctionDef> Functions() const override {
    std::vector<FunctionDef> defs;
    for (const std::string& function : functions_) {
      FunctionDef def;
      def.name = function;
      def.signature = function + "() -> boolean";
      defs.push_back(std::move(def));
    }
    return defs;
  }

 private:
  std::string name_;
  std::vector<std::string> functions_;
};

TEST(FunctionRegistryTest, RegistersAndFindsFunctions) {
  FunctionRegistry registry;
  std::string error;
  ASSERT_TRUE(registry.Register(FakePlugin("a", {"zeta", "alpha"}), &error)) << error;
  ASSERT_TRUE(registry.Register(FakePlugin("b", {"beta"}), &error)) << error;
  ASSERT_NE(registry.Find("alpha"), nullptr);
  EXPECT_EQ(registry.Find("alpha")->signature, "alpha() -> boolean");
  EXPECT_EQ(registry.Find("gamma"), nullptr);
  EXPECT_EQ(registry.Names(), (std::vector<std::string>{"alpha", "beta", "zeta"}));
  ASSERT_EQ(registry.plugins().size(), 2u);
  EXPECT_EQ(registry.plugins()[1].name, "b");
  EXPECT_EQ(registry.plugins()[1].version, "2.1");
}

TEST(FunctionRegistryTest, ANameTakenTwiceFailsAndChangesNothing) {
  FunctionRegistry registry;
  std::string error;
  ASSERT_TRUE(registry.Register(FakePlugin("a", {"alpha"}), &error)) << error;
  EXPECT_FALSE(registry.Register(FakePlugin("b", {"beta", "alpha"}), &error));
  EXPECT_EQ(error, "plugin `b` defines `alpha`, which is already registered");
  EXPECT_EQ(registry.Find("beta"), nullptr);
  EXPECT_EQ(registry.plugins().size(), 1u);
  EXPECT_FALSE(registry.Register(FakePlugin("c", {"gamma", "gamma"}), &error));
  EXPECT_EQ(error, "plugin `c` defines `gamma`, which is already registered");
  EXPECT_EQ(registry.Find("gamma"), nullptr);
}

}  // namespace
}  // namespace tradelint
