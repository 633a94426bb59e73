// Reply templates: choosing one fills the reply at once (without JavaScript a button does it).
const form = document.querySelector(".reply-form");
const data = document.getElementById("reply-template-texts");
if (form && data) {
  const texts = JSON.parse(data.textContent);
  const select = form.querySelector("select[name=template]");
  const textarea = form.querySelector("textarea[name=text]");
  const status = document.getElementById("template-status");
  select?.addEventListener("change", () => {
    const text = texts[select.value];
    if (text === undefined || !textarea) return;
    textarea.value = text;
    if (status) status.textContent = form.dataset.filledMessage || "";
  });
}
