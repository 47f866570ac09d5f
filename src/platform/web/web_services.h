// Browser implementation of the UI's PlatformServices (declared here, defined with EM_JS glue).
#pragma once

#include "platform_services.h"

namespace scholion::platform {

class WebServices final : public ui::PlatformServices {
 public:
  Status storageSet(const std::string& key, const std::string& value) override;
  bool storageGet(const std::string& key, std::string& value) override;
  void storageRemove(const std::string& key) override;
  void storageCommit() override;
  CommitState storageCommitState(std::string& error) override;
  std::string storageSummary() override;
  std::size_t storageUsed() override;
  std::size_t storageQuota() override;
  Status download(const std::string& fileName, const std::string& bytes,
                  const std::string& mimeType) override;
  void openFileChooser(const std::string& accept, bool multiple) override;
  void setClipboard(const std::string& text) override;
  double now() override;
  void setAccessibleText(ui::AccessibleField field, const std::string& text) override;
  ui::PlatformKind kind() const override { return ui::PlatformKind::Web; }
};

}  // namespace scholion::platform
