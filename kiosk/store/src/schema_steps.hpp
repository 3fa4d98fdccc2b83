// The schema's history: one step a version, each saying the oldest code version that can use its result.
// Steps are never edited once released; a change to the schema is a new step at the end.
#pragma once

#include <span>
#include <string_view>

namespace badgeuse::store {

struct SchemaStep {
    int version;            // the schema_version the file has once this step ran
    int compatible_version; // the oldest schema a build may understand and still use the file
    std::string_view script;
};

// Ordered by version, from 1 to kSchemaVersion without gaps.
std::span<const SchemaStep> schema_steps();

} // namespace badgeuse::store
