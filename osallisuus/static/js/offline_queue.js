// What the pages that keep working offline share (the feedback kiosk, the feedback collector's
// phone form): a random idempotency key per entry, and a queue of entries in localStorage that
// survives a reload until each entry is sent.

export function newKey() {
  if (window.crypto && typeof window.crypto.randomUUID === "function") {
    return window.crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// The queue kept under `storageKey`; entries are objects with an `idempotency_key`.
export function storedQueue(storageKey) {
  const load = () => {
    try {
      const items = JSON.parse(window.localStorage.getItem(storageKey) || "[]");
      return Array.isArray(items) ? items : [];
    } catch {
      return [];
    }
  };
  // Nothing of a sent entry stays on the device.
  const save = (items) =>
    items.length
      ? window.localStorage.setItem(storageKey, JSON.stringify(items))
      : window.localStorage.removeItem(storageKey);
  const update = (key, change) =>
    save(load().map((item) => (item.idempotency_key === key ? { ...item, ...change } : item)));
  const remove = (key) => save(load().filter((item) => item.idempotency_key !== key));
  return { load, save, update, remove };
}
