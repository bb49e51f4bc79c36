// One line of `precis batch`: a JSON Lines request in, a JSON Lines answer out. Apart
// from main.cpp so that the batch fuzz target (tests/fuzz/batch_line_fuzz.cpp) runs the
// very code the CLI runs on each line, without the CLI's threads and streams.
#pragma once

#include <string>
#include <string_view>

#include "precis/precis.hpp"

namespace precis::cli {

// A sentence on one line: runs of white space that contain a line break become a space.
std::string one_line(std::string_view s);

// The output line (no trailing newline) for one input line, without its line break.
// `split`: `batch --split` (sentences only). `base`: the options of the command line,
// which the line's own fields override. *ok is false when the answer is an error object.
// Never throws except std::bad_alloc; safe to call from several threads at once.
std::string batch_line(const std::string& line, bool split, const Options& base, bool* ok);

}  // namespace precis::cli
