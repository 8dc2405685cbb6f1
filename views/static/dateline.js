// Dateline works without this script. With it:
// - a date field's reading follows the date as it is typed, from the same
//   resolver the "Preview the date" button asks (GET /dates/parse): the
//   event form's date, and each candidate's date on the review page,
//   counted from the publication date typed above them;
// - a print button prints.
(() => {
  "use strict";
  for (const input of document.querySelectorAll("input[data-preview-url]")) {
    const output = document.getElementById(input.dataset.previewTarget || "date-preview");
    if (!output) continue;
    let timer = 0;
    let asked = 0;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const n = ++asked;
        const q = new URLSearchParams({ q: input.value });
        const ref = input.dataset.previewRef && document.getElementById(input.dataset.previewRef);
        if (ref && ref.value) q.set("ref", ref.value);
        if (input.dataset.previewOrder) q.set("order", input.dataset.previewOrder);
        try {
          const res = await fetch(input.dataset.previewUrl + "?" + q, { headers: { Accept: "text/html" } });
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
  }

  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
})();
