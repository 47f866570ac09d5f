// Result<T>: a value or an error message (what went wrong and where); core never aborts on bad
// input.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace scholion {

// An error says what was wrong and where (file, line:column, JSON pointer, byte offset...).
struct Error {
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  // Empty when ok().
  const std::string& error() const { return error_.message; }

 private:
  std::optional<T> value_;
  Error error_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status okStatus() {
  return Status(Ok{});
}
inline Error fail(std::string message) {
  return Error{std::move(message)};
}

}  // namespace scholion
