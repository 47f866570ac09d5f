// Browser implementation of PlatformServices: IndexedDB storage, downloads, file chooser,
// clipboard.
#include "web_services.h"

#include <emscripten.h>

#include <cstdlib>
#include <string>

// The EM_JS bodies below are JavaScript: keep clang-format away from them.
// clang-format off
// The autosave's records live in IndexedDB, read into memory before the app starts
// (web/scholion-store.js): reads are synchronous, writes are staged and committed together.
// A part is decoded by its length: UTF8ToString would first walk every byte in JavaScript to
// find the terminator, the slow half of handing over a part.
EM_JS(void, scholion_js_storage_set, (const char* key, const char* value, size_t length), {
  var utf8 = Module.scholionUtf8 || (Module.scholionUtf8 = new TextDecoder('utf-8'));
  Module.scholionStore.set(UTF8ToString(key), utf8.decode(HEAPU8.subarray(value, value + length)));
});

EM_JS(char*, scholion_js_storage_get, (const char* key), {
  var v = Module.scholionStore.get(UTF8ToString(key));
  if (v === null || v === undefined) return 0;
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});

EM_JS(void, scholion_js_storage_remove, (const char* key), {
  Module.scholionStore.remove(UTF8ToString(key));
});

EM_JS(void, scholion_js_storage_commit, (), { Module.scholionStore.commit(); });

EM_JS(int, scholion_js_storage_state, (), { return Module.scholionStore.state(); });

EM_JS(char*, scholion_js_storage_text, (int which), {
  var s = which === 0 ? Module.scholionStore.error() : Module.scholionStore.summary();
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});

// navigator.storage.estimate(), refreshed after each save.
EM_JS(double, scholion_js_storage_estimate, (int quota), {
  return quota ? Module.scholionStore.quota() : Module.scholionStore.usage();
});

EM_JS(char*, scholion_js_download, (const char* name, const char* data, int size, const char* mime),
      {
        try {
          var bytes = HEAPU8.slice(data, data + size);
          var blob = new Blob([bytes], {
            type:
              UTF8ToString(mime)
          });
          var a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = UTF8ToString(name);
          document.body.appendChild(a);
          a.click();
          setTimeout(
              function() {
                URL.revokeObjectURL(a.href);
                a.remove();
              },
              1000);
          return 0;
        } catch (e) {
          var msg = 'Download failed: ' + e;
          var n = lengthBytesUTF8(msg) + 1;
          var p = _malloc(n);
          stringToUTF8(msg, p, n);
          return p;
        }
      });

EM_JS(void, scholion_js_open_chooser, (const char* accept, int multiple), {
  if (window.scholionOpenChooser) window.scholionOpenChooser(UTF8ToString(accept), !!multiple);
});

EM_JS(void, scholion_js_set_clipboard, (const char* text), {
  var t = UTF8ToString(text);
  try {
    if (navigator.clipboard && navigator.clipboard.writeText)
      navigator.clipboard.writeText(t).catch(function(){});
  } catch (e) {
  }
  window.scholionLastCopied = t;  // lets tests and embedding pages read what was copied
});

// The screen-reader mirror: web/scholion-api.js keeps one live region per field.
EM_JS(void, scholion_js_accessible_text, (int field, const char* text), {
  if (Module.scholionAccessibleText) Module.scholionAccessibleText(field, UTF8ToString(text));
});

// clang-format on

namespace scholion::platform {
namespace {
std::string takeJsString(char* p) {
  if (!p) return "";
  std::string s(p);
  std::free(p);
  return s;
}

// The JS side returns null on success, else a message it allocated.
Status statusOfJs(char* p) {
  if (!p) return okStatus();
  std::string message = takeJsString(p);
  return fail(message.empty() ? std::string("the browser refused (no reason given)") : message);
}
}  // namespace

Status WebServices::storageSet(const std::string& key, const std::string& value) {
  scholion_js_storage_set(key.c_str(), value.data(), value.size());
  return okStatus();
}

bool WebServices::storageGet(const std::string& key, std::string& value) {
  char* p = scholion_js_storage_get(key.c_str());
  if (!p) return false;
  value = takeJsString(p);
  return true;
}

void WebServices::storageRemove(const std::string& key) {
  scholion_js_storage_remove(key.c_str());
}

void WebServices::storageCommit() {
  scholion_js_storage_commit();
}

KeyValueStore::CommitState WebServices::storageCommitState(std::string& error) {
  switch (scholion_js_storage_state()) {
    case 1:
      return CommitState::Pending;
    case 2:
      error = takeJsString(scholion_js_storage_text(0));
      return CommitState::Failed;
    default:
      return CommitState::Done;
  }
}

std::size_t WebServices::storageUsed() {
  return static_cast<std::size_t>(scholion_js_storage_estimate(0));
}

std::size_t WebServices::storageQuota() {
  return static_cast<std::size_t>(scholion_js_storage_estimate(1));
}

std::string WebServices::storageSummary() {
  return takeJsString(scholion_js_storage_text(1));
}

Status WebServices::download(const std::string& fileName, const std::string& bytes,
                             const std::string& mimeType) {
  return statusOfJs(scholion_js_download(fileName.c_str(), bytes.data(),
                                         static_cast<int>(bytes.size()), mimeType.c_str()));
}

void WebServices::openFileChooser(const std::string& accept, bool multiple) {
  scholion_js_open_chooser(accept.c_str(), multiple ? 1 : 0);
}

void WebServices::setClipboard(const std::string& text) {
  scholion_js_set_clipboard(text.c_str());
}

void WebServices::setAccessibleText(ui::AccessibleField field, const std::string& text) {
  scholion_js_accessible_text(static_cast<int>(field), text.c_str());
}

double WebServices::now() {
  return emscripten_get_now() / 1000.0;
}

}  // namespace scholion::platform
