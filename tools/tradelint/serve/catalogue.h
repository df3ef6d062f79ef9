#pragma once
// The read-only routes about the rules in use (docs/server.md): `GET /v1/rules`,
// `/v1/markets`, `/v1/categories`, `/v1/fields` and `/v1/init`. Each answers what the command
// of the same name answers (`tradelint rules --format json`, `fields --format json`,
// `init`), through the same library code, or a 400 naming the bad parameter.

#include <string>
#include <vector>

#include "engine/api/engine.h"

namespace tradelint::serve {

struct CatalogueAnswer {
  int status = 200;
  std::string body;  // application/json
};

// The query parameters the routes read; empty when not given. `markets` and `categories`
// hold each value given (M or M,M...).
struct CatalogueQuery {
  std::vector<std::string> markets;
  std::vector<std::string> categories;
  std::string as_of;
  std::string kind;
};

// `tradelint rules --format json`: `market` (one) and `as_of` filter.
CatalogueAnswer RulesAnswer(const Engine& engine, const CatalogueQuery& query);

// `{"markets": [{"code", "form": "group"|"country"|"subdivision", "rulesets": [ids of the
// rulesets of that jurisdiction], "members": [for a group, today]}], "countries": [every
// ISO 3166-1 code]}`: every group and every market that some ruleset names as its
// jurisdiction, sorted by code.
CatalogueAnswer MarketsAnswer(const Engine& engine);

// `{"categories": [...]}`: the `product.regulated_as` values of the data model.
CatalogueAnswer CategoriesAnswer(const Engine& engine);

// `tradelint fields --format json` (`init` = false) or `tradelint init` (`init` = true) for
// `kind` (default listing), `market` (required), `category` and `as_of`.
CatalogueAnswer FieldsAnswer(const Engine& engine, const CatalogueQuery& query, bool init);

}  // namespace tradelint::serve
