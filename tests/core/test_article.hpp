// A small news article shared by the API and algorithm tests.
#pragma once

#include <cstddef>
#include <string_view>

namespace precis_test {

// A headline, a byline, and twelve prose sentences (each at least three words) in
// four paragraphs: 14 sentences, 12 of them eligible.
constexpr std::string_view kArticle =
    "City Council Approves New Budget\n"
    "by Jane Doe\n"
    "\n"
    "The city council approved a new budget on Tuesday after a long debate. "
    "The budget raises spending on schools and roads by ten percent. "
    "Council members voted seven to two in favor of the plan.\n"
    "\n"
    "Mayor Ana Lopez said the budget would help families across the city. "
    "She promised that property taxes would not rise this year. "
    "Critics argued that the plan relies on optimistic revenue forecasts.\n"
    "\n"
    "The school district will receive most of the new money. "
    "Teachers welcomed the decision and thanked the council. "
    "Road repairs will begin in the spring, officials said.\n"
    "\n"
    "The next budget debate is scheduled for March. "
    "Residents can comment on the plan at public hearings. "
    "A final report will be published online next month.\n";
constexpr std::size_t kSentences = 14;
constexpr std::size_t kEligible = 12;

}  // namespace precis_test
