// Browser implementation of PlatformServices: localStorage, downloads, file chooser, clipboard.
#include "web_services.h"

#include <emscripten.h>

#include <cstdlib>
#include <string>

// The EM_JS bodies below are JavaScript: keep clang-format away from them.
// clang-format off
// Every storage access is wrapped: browsers may throw SecurityError (private modes, file://
// policies) or QuotaExceededError. Keys carry a prefix because Chromium shares one localStorage
// between every file:// page.
EM_JS(char*, scholion_js_storage_set, (const char* key, const char* value), {
  var k = 'scholion:' + UTF8ToString(key);
  var msg = '';
  try {
    window.localStorage.setItem(k, UTF8ToString(value));
  } catch (e) {
    if (e && (e.name === 'QuotaExceededError' || e.code === 22 || e.code === 1014))
      msg =
          'The browser storage is full (about 5 MB per site): the last change was not saved there. Your work is still open; export it to a file.';
    else
      msg = 'The browser storage is not available (' + (e && e.name ? e.name : e) +
            '): your work is not being saved there. Export it to a file.';
  }
  if (!msg) return 0;  // saved: null means success
  var n = lengthBytesUTF8(msg) + 1;
  var p = _malloc(n);
  stringToUTF8(msg, p, n);
  return p;
});

EM_JS(char*, scholion_js_storage_get, (const char* key), {
  var v = null;
  try {
    v = window.localStorage.getItem('scholion:' + UTF8ToString(key));
  } catch (e) {
    v = null;
  }
  if (v === null) return 0;
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});

EM_JS(void, scholion_js_storage_remove, (const char* key), {
  try {
    window.localStorage.removeItem('scholion:' + UTF8ToString(key));
  } catch (e) {
  }
});

// localStorage counts UTF-16 code units of keys and values.
EM_JS(double, scholion_js_storage_used, (), {
  var used = 0;
  try {
    var s = window.localStorage;
    for (var i = 0; i < s.length; i++) {
      var k = s.key(i);
      if (k && k.indexOf('scholion:') === 0) used += k.length + (s.getItem(k) || '').length;
    }
  } catch (e) {
  }
  return used;
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
  return statusOfJs(scholion_js_storage_set(key.c_str(), value.c_str()));
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

std::size_t WebServices::storageUsed() {
  return static_cast<std::size_t>(scholion_js_storage_used());
}

// Chromium and Firefox allow about 5 MiB of UTF-16 per origin; there is no API that reports it.
std::size_t WebServices::storageQuota() {
  return 5u * 1024u * 1024u;
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

double WebServices::now() {
  return emscripten_get_now() / 1000.0;
}

}  // namespace scholion::platform
