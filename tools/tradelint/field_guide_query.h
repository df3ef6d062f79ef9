#pragma once
// The field guide as `tradelint init`/`fields` and the server's `GET /v1/fields` ask for it
// (docs/cli.md, "fields"): a request checked against the engine's markets and the data
// model's product categories, and the guide's JSON form.

#include <optional>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/api/field_guide.h"
#include "engine/base/date.h"

namespace tradelint::cli {

struct FieldGuideQuery {
  std::string kind = "listing";
  std::vector<std::string> markets;     // market codes, upper case
  std::vector<std::string> categories;  // `product.regulated_as` values
  std::optional<Date> as_of;            // empty: today (UTC)
  // How errors name the markets and the categories (`--market`, or `market` for a query
  // parameter).
  std::string market_option = "--market";
  std::string category_option = "--category";
};

// What `query` asks for, or nullopt with each reason in `errors` (an unknown kind, market or
// category, with a did-you-mean). `warnings` gets what is ignored (categories of a record
// kind that has no product).
std::optional<FieldGuideRequest> MakeFieldGuideRequest(const Engine& engine,
                                                       const FieldGuideQuery& query,
                                                       std::vector<std::string>& errors,
                                                       std::vector<std::string>& warnings);

// The product categories of the data model (`product.regulated_as` elements).
std::vector<std::string> ProductCategories(const Schema& schema);

// `tradelint fields --format json`: pretty-printed, without a final line end.
std::string FieldGuideJson(const FieldGuide& guide, const FieldGuideRequest& request);

}  // namespace tradelint::cli
