// Browser implementation of the UI's PlatformServices (declared here, defined with EM_JS glue).
#pragma once

#include "platform_services.h"

namespace scholion::platform {

class WebServices final : public ui::PlatformServices {
 public:
  std::string storageSet(const std::string& key, const std::string& value) override;
  bool storageGet(const std::string& key, std::string& value) override;
  void storageRemove(const std::string& key) override;
  std::size_t storageUsed() override;
  std::size_t storageQuota() override;
  std::string download(const std::string& fileName, const std::string& bytes,
                       const std::string& mimeType) override;
  void openFileChooser(const std::string& accept, bool multiple) override;
  void setClipboard(const std::string& text) override;
  double now() override;
  const char* kind() const override { return "web"; }
};

}  // namespace scholion::platform
