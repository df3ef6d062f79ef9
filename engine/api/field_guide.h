#pragma once
// FieldGuide: the fields that the rules in force for some markets, product categories and
// date read, with the data model's guide text: what a seller must fill in, taken from the
// rules rather than from the whole field guide (`tradelint fields`, `tradelint init`).

#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/api/rule_fields.h"
#include "engine/base/date.h"
#include "engine/check/checked.h"
#include "engine/schema/schema.h"
#include "engine/value/value.h"

namespace tradelint {

struct FieldGuideRequest {
  RecordKind kind = RecordKind::kListing;
  // Countries and subdivisions; a group stands for its members on `as_of`.
  std::vector<std::string> markets;
  // `product.regulated_as` values the product falls under; none states that it falls under
  // no regulated category, so category rules are left out.
  std::vector<std::string> categories;
  Date as_of;
};

// One rule that may apply, with the fields it reads.
struct GuidedRule {
  const CheckedRule* rule = nullptr;
  std::vector<std::string> markets;  // the requested markets where it is in force and may apply
  RuleFields fields;
};

// A field some rule reads, with what the data model says of it.
struct GuidedField {
  std::string path;                  // as rules write it: `lines[*].hs_code`
  const SchemaNode* node = nullptr;  // null for a field the data model does not describe
  std::vector<std::string> rules;    // ids of the rules that read it
};

struct FieldGuide {
  std::vector<std::string> markets;  // the requested markets, groups expanded, each once
  std::vector<GuidedRule> rules;     // in load order
  // Every field the rules read to decide whether they apply or what they need stated, in
  // first-read order; fields the rules only want left out are not among them.
  std::vector<GuidedField> fields;
};

// The rules in force for `request.kind` in each market on the date that may apply to a
// record of the request's markets and categories (Engine::MayApply), and what they read.
FieldGuide BuildFieldGuide(const Engine& engine, const FieldGuideRequest& request);

// The record that `request` itself states: its kind, its markets (`target_markets` of a
// listing or seller) and categories (`product.regulated_as` of a listing).
Value StatedByRequest(const FieldGuideRequest& request);

// The first sentence of a guide text (the data model's `description`), for one-line lists: up to
// the first ". " outside brackets that does not end an abbreviation ("e.g.", "Art.", an initial).
std::string FirstSentence(const std::string& guide);

}  // namespace tradelint
