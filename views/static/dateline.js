// Dateline works without this script. With it, the event form's date
// preview follows the date as it is typed, from the same resolver the
// "Preview the date" button asks (GET /dates/parse).
(() => {
  "use strict";
  const input = document.querySelector("input[data-preview-url]");
  const output = document.getElementById("date-preview");
  if (!input || !output) return;
  let timer = 0;
  let asked = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const n = ++asked;
      const url = input.dataset.previewUrl + "?q=" + encodeURIComponent(input.value);
      try {
        const res = await fetch(url, { headers: { Accept: "text/html" } });
        if (!res.ok || n !== asked) return;
        const doc = new DOMParser().parseFromString(await res.text(), "text/html");
        const fresh = doc.getElementById("date-preview");
        // Only the contents change, so the live region stays the same
        // element and screen readers announce the new reading.
        if (fresh) output.innerHTML = fresh.innerHTML;
      } catch {
        // Offline or the server is gone: the button still works.
      }
    }, 250);
  });
})();
