#include "engine/screening/screening_lists.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "engine/base/file.h"
#include "engine/screening/list_countries.h"
#include "engine/screening/ofac_sdn.h"
#include "engine/screening/un_list.h"

namespace tradelint {
namespace {

// Fills the entry's country codes. The lists write a few hundred country names over thousands
// of entries: each is normalised and looked up once, into `known` (name -> code or "").
void AddCountryCodes(ListEntry& entry, const ListCountries& countries,
                     std::unordered_map<std::string, std::string_view>& known) {
  for (const std::string& country : entry.countries) {
    const auto [found, first_seen] = known.try_emplace(country);
    if (first_seen) found->second = countries.Code(country);
    const std::string_view code = found->second;
    if (!code.empty() && std::find(entry.country_codes.begin(), entry.country_codes.end(), code) ==
                             entry.country_codes.end()) {
      entry.country_codes.emplace_back(code);
    }
  }
}

}  // namespace

std::optional<SanctionsList> LoadSdnFolder(const std::string& folder, std::string* error,
                                           const ReferenceOverlay& overlay,
                                           const Provenance* unsidecared) {
  std::string text[3];
  std::string sdn_path;
  const char* const names[3] = {"sdn.csv", "alt.csv", "add.csv"};
  std::optional<Provenance> sidecar;
  for (int i = 0; i < 3; ++i) {
    const ReferenceOverlay::File file = overlay.Locate(folder + "/" + names[i]);
    std::optional<std::string> read = ReadFile(file.path);
    if (!read) {
      *error = file.path + ": cannot read the file";
      return std::nullopt;
    }
    text[i] = std::move(*read);
    if (i > 0) continue;
    sdn_path = file.path;
    sidecar = file.sidecar;
    if (!sidecar && std::filesystem::exists(file.path + ".meta.json")) {
      Provenance own;
      const std::string message = ReadProvenanceSidecar(file.path + ".meta.json", &own);
      if (!message.empty()) {
        *error = file.path + ".meta.json: " + message;
        return std::nullopt;
      }
      sidecar = own;
    }
  }
  if (!sidecar && unsidecared != nullptr) sidecar = *unsidecared;
  if (!sidecar) {
    *error = sdn_path +
             ": OFAC's CSV files carry no date: give the list's source, date and version in "
             "the sidecar sdn.csv.meta.json beside it";
    return std::nullopt;
  }
  Provenance provenance = *sidecar;
  provenance.name = std::string(kSdnFolder) + "/sdn.csv";
  std::string message;
  std::optional<SanctionsList> list =
      ParseOfacSdn({text[0], text[1], text[2]}, std::move(provenance), &message);
  if (!list) *error = folder + "/" + message;
  return list;
}

std::shared_ptr<const Screener> LoadScreener(const std::string& reference_directory,
                                             const ReferenceOverlay& overlay,
                                             std::vector<Provenance>* provenance,
                                             std::string* error) {
  std::optional<SanctionsList> sdn =
      LoadSdnFolder(reference_directory + "/" + std::string(kSdnFolder), error, overlay);
  if (!sdn) return nullptr;
  const ReferenceOverlay::File un_file =
      overlay.Locate(reference_directory + "/" + std::string(kUnListFile));
  const std::optional<std::string> xml = ReadFile(un_file.path);
  if (!xml) {
    *error = un_file.path + ": cannot read the file";
    return nullptr;
  }
  std::optional<SanctionsList> un = ParseUnList(
      *xml, std::string(kUnListFile),
      un_file.sidecar ? un_file.sidecar->source
                      : "United Nations Security Council Consolidated List (XML, sc-sanctions.xsd)",
      error);
  if (!un) return nullptr;
  const ReferenceOverlay::File countries_file =
      overlay.Locate(reference_directory + "/" + std::string(ListCountries::kFileName));
  const std::optional<std::string> countries_text = ReadFile(countries_file.path);
  if (!countries_text) {
    *error = countries_file.path + ": cannot read the file";
    return nullptr;
  }
  const std::optional<ListCountries> countries =
      ListCountries::Parse(*countries_text, countries_file.path, error,
                           countries_file.sidecar ? &*countries_file.sidecar : nullptr);
  if (!countries) return nullptr;
  for (SanctionsList* list : {&*sdn, &*un}) {
    list->provenance.stale_after_days = kListStaleAfterDays;
    provenance->push_back(list->provenance);
  }
  provenance->push_back(countries->provenance());
  std::vector<SanctionsList> lists;
  lists.push_back(std::move(*sdn));
  lists.push_back(std::move(*un));
  std::unordered_map<std::string, std::string_view> known;
  for (SanctionsList& list : lists) {
    for (ListEntry& entry : list.entries) AddCountryCodes(entry, *countries, known);
  }
  return std::make_shared<const Screener>(std::move(lists));
}

std::shared_ptr<const Screener> SharedScreener(const ReferenceData& reference, std::string* error) {
  const ReferenceData::DerivedTable& derived = reference.Derived(
      "sanctions", [](const std::string& directory, const ReferenceOverlay& overlay,
                      std::vector<Provenance>* provenance, std::string* message) {
        return std::static_pointer_cast<const void>(
            LoadScreener(directory, overlay, provenance, message));
      });
  if (derived.table == nullptr) *error = derived.error;
  return std::static_pointer_cast<const Screener>(derived.table);
}

std::string StaleListNote(const SanctionsList& list, Date as_of) {
  const std::optional<Date> date = Date::Parse(list.provenance.date);
  if (!date || as_of.days() - date->days() <= kListStaleAfterDays) return "";
  return "the " + list.title + " used is of " + list.provenance.date + ", " +
         std::to_string(as_of.days() - date->days()) + " days before " + as_of.ToString() +
         ": screen against a current list (give it with --reference-data)";
}

}  // namespace tradelint
