#include "engine/api/field_guide.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace tradelint {
namespace {

// `lines[*].hs_code` -> {"lines", "[*]", "hs_code"}, the segments Schema::Resolve takes.
std::vector<std::string> PathSegments(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '.') {
      ++start;
      continue;
    }
    if (path[start] == '[') {
      const std::size_t close = path.find(']', start);
      const std::size_t end = close == std::string_view::npos ? path.size() : close + 1;
      segments.emplace_back(path.substr(start, end - start));
      start = end;
      continue;
    }
    const std::size_t end = std::min(path.find_first_of(".[", start), path.size());
    segments.emplace_back(path.substr(start, end - start));
    start = end;
  }
  return segments;
}

void AddUnique(std::vector<std::string>& out, const std::string& item) {
  if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
}

// The requested markets with each group replaced by its members, each once.
std::vector<std::string> ExpandMarkets(const MarketTable& table,
                                       const std::vector<std::string>& markets, Date as_of) {
  std::vector<std::string> expanded;
  for (const std::string& market : markets) {
    if (table.Classify(market) == MarketTable::Form::kGroup) {
      for (const std::string& member : table.Members(market, as_of)) AddUnique(expanded, member);
    } else {
      AddUnique(expanded, market);
    }
  }
  return expanded;
}

}  // namespace

Value StatedByRequest(const FieldGuideRequest& request) {
  ValueObject record;
  record.emplace_back("kind", Value(std::string(RecordKindName(request.kind))));
  if ((request.kind == RecordKind::kPayment || request.kind == RecordKind::kWaybill) &&
      !request.markets.empty()) {
    record.emplace_back("destination", Value(request.markets.front()));
  } else if (request.kind == RecordKind::kListing || request.kind == RecordKind::kSeller) {
    ValueList markets;
    for (const std::string& market : request.markets) markets.emplace_back(market);
    record.emplace_back("target_markets", Value(std::move(markets)));
  }
  if (request.kind == RecordKind::kListing) {
    ValueList categories;
    for (const std::string& category : request.categories) categories.emplace_back(category);
    ValueObject product;
    product.emplace_back("regulated_as", Value(std::move(categories)));
    record.emplace_back("product", Value(std::move(product)));
  }
  return Value(std::move(record));
}

FieldGuide BuildFieldGuide(const Engine& engine, const FieldGuideRequest& request) {
  FieldGuide guide;
  guide.markets = ExpandMarkets(engine.markets(), request.markets, request.as_of);
  const Value stated = StatedByRequest(request);
  // Rules by first selection, with the markets where they may apply.
  std::vector<GuidedRule> rules;
  for (const std::string& market : guide.markets) {
    const auto selection = engine.program().Select(request.kind, market, request.as_of);
    for (const SelectedRule& selected : selection->rules) {
      if (!engine.MayApply(*selected.rule, stated, market, request.as_of)) continue;
      auto known = std::find_if(rules.begin(), rules.end(), [&](const GuidedRule& guided) {
        return guided.rule == selected.rule;
      });
      if (known == rules.end()) {
        rules.push_back(GuidedRule{selected.rule, {}, FieldsOf(*selected.rule)});
        known = rules.end() - 1;
      }
      known->markets.push_back(market);
    }
  }
  // In load order, as `tradelint rules` lists them.
  const std::vector<const CheckedRule*>& all = engine.program().rules();
  std::stable_sort(rules.begin(), rules.end(), [&](const GuidedRule& a, const GuidedRule& b) {
    return std::find(all.begin(), all.end(), a.rule) < std::find(all.begin(), all.end(), b.rule);
  });
  for (const GuidedRule& guided : rules) {
    std::vector<std::string> read = guided.fields.scope;
    for (const RuleFields::Group& group : guided.fields.required) {
      for (const std::string& path : GroupFields(group)) AddUnique(read, path);
    }
    for (const std::string& path : read) {
      auto field = std::find_if(guide.fields.begin(), guide.fields.end(),
                                [&](const GuidedField& known) { return known.path == path; });
      if (field == guide.fields.end()) {
        guide.fields.push_back(
            GuidedField{path, engine.schema().Resolve(request.kind, PathSegments(path)), {}});
        field = guide.fields.end() - 1;
      }
      AddUnique(field->rules, guided.rule->id);
    }
  }
  guide.rules = std::move(rules);
  return guide;
}

namespace {

// Whether the word that ends with the period at `period` is an abbreviation rather than the end
// of a sentence: one with a period inside ("e.g.", "i.e.", "U.S."), a single letter (an
// initial), or one of the abbreviations the data model's texts use before a number or a name.
bool EndsAbbreviation(std::string_view text, std::size_t period) {
  const std::size_t space = text.find_last_of(" (", period);
  const std::string_view word =
      text.substr(space == std::string_view::npos ? 0 : space + 1,
                  period - (space == std::string_view::npos ? 0 : space + 1));
  static constexpr std::string_view kAbbreviations[] = {"etc", "Art", "art", "No",  "no",
                                                        "Nr",  "cf",  "vs",  "para"};
  return word.size() <= 1 || word.find('.') != std::string_view::npos ||
         std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
             std::end(kAbbreviations);
}

}  // namespace

std::string FirstSentence(const std::string& guide) {
  int open_brackets = 0;
  for (std::size_t i = 0; i + 1 < guide.size(); ++i) {
    const char c = guide[i];
    if (c == '(' || c == '[') ++open_brackets;
    if ((c == ')' || c == ']') && open_brackets > 0) --open_brackets;
    if (c == '.' && guide[i + 1] == ' ' && open_brackets == 0 && !EndsAbbreviation(guide, i)) {
      return guide.substr(0, i + 1);
    }
  }
  return guide;
}

}  // namespace tradelint
