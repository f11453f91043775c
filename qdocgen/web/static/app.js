// qdocgen serve: the form page (checks as the clerk types, rows, preview, save with the change shown first)
// and the dataset page (batch with a progress bar). No library: the pages must work offline.
"use strict";

const csrf = () => document.body.dataset.csrf;

async function post(url, body) {
  const response = await fetch(url, {
    method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf()},
    body: JSON.stringify(body),
  });
  let data = {};
  try { data = await response.json(); } catch (e) { data = {error: "Máy chủ trả lời không đọc được (mã " + response.status + ")."}; }
  data._status = response.status;
  return data;
}

// --- the form as data --------------------------------------------------------------------------------------------
function childNodes(el) {
  const kind = el.dataset.kind;
  if (kind === "object") return [...el.querySelector(":scope > .body").children].filter(c => c.classList.contains("node"));
  if (kind === "list") return [...el.querySelector(":scope > .rows").children].map(li => li.querySelector(":scope > .node"));
  return [];
}

function valueOf(el) {
  const kind = el.dataset.kind;
  if (kind === "object") {
    const out = {};
    for (const c of childNodes(el)) out[c.dataset.key] = valueOf(c);
    return out;
  }
  if (kind === "list") return childNodes(el).map(valueOf);
  return el.querySelector(".in").value;
}

function number(el, path) {
  el.dataset.path = path;
  if (el.dataset.kind === "object") {
    for (const c of childNodes(el)) number(c, path ? path + "." + c.dataset.key : c.dataset.key);
  } else if (el.dataset.kind === "list") {
    childNodes(el).forEach((c, i) => {
      c.dataset.key = String(i);
      const li = c.parentElement;
      li.querySelector(":scope > .row-tools > .row-no").textContent = "Dòng " + (i + 1);
      number(c, path + "[" + (i + 1) + "]");
    });
  }
}

// --- the form page -----------------------------------------------------------------------------------------------
function initForm(form) {
  const root = form.querySelector(".root");
  const base = {d: form.dataset.d, u: form.dataset.u, mau: form.dataset.mau};
  const summary = document.getElementById("summary");
  let timer = null, seq = 0, dirty = false;
  let savedNote = "";  // «Đã lưu vào tệp.» stays above a check that answers after the save, until the next change
  function sayNote() {
    if (!savedNote) return;
    const saved = document.createElement("p");
    saved.className = "saved";
    saved.textContent = savedNote;
    summary.prepend(saved);
  }

  const renumber = () => number(root, "");
  let original = null;  // the form as opened: the server lays only this clerk's changes over the file
  const payload = () => Object.assign({du_lieu: valueOf(root), goc: original, token: form.dataset.token}, base);

  function setDirty(value) {
    dirty = value;
    const note = document.getElementById("dirty-note");
    if (note) note.hidden = !dirty;
    for (const id of ["dl-docx", "dl-pdf"]) {
      const a = document.getElementById(id);
      if (a) a.classList.toggle("stale", dirty);
    }
  }

  function place(items, cls) {
    const left = [];
    for (const p of items) {
      let key = p.key || "", target = null;
      while (true) {
        target = root.querySelector('[data-path="' + CSS.escape(key) + '"]');
        if (target || !key) break;
        key = key.replace(/(\[\d+\]|\.?[^.\[]+)$/, "");
      }
      const box = target ? target.querySelector(":scope > .msg") : null;
      if (box) {
        const line = document.createElement("p");
        line.className = cls;
        line.textContent = (key === p.key ? "" : "[" + p.key + "] ") + p.message;
        box.appendChild(line);
        target.classList.add(cls === "error" ? "has-error" : "has-warning");
      } else left.push(p);
    }
    return left;
  }

  function show(result) {
    root.querySelectorAll(".msg").forEach(m => m.replaceChildren());
    root.querySelectorAll(".has-error, .has-warning").forEach(n => n.classList.remove("has-error", "has-warning"));
    root.querySelectorAll(".nd30").forEach(n => n.textContent = "");
    if (result.error && !result.problems) { summary.className = "summary error"; summary.textContent = result.error; return; }
    const problems = result.problems || [], warnings = result.warnings || [];
    place(problems, "error");
    place(warnings, "warning");
    for (const [key, text] of Object.entries(result.dates || {})) {
      const el = root.querySelector('[data-path="' + CSS.escape(key) + '"] > .nd30');
      if (el) el.textContent = "In ra: " + text;
    }
    summary.replaceChildren();
    const head = document.createElement("p");
    if (problems.length) {
      summary.className = "summary error";
      head.textContent = result.error ? result.error.split("\n")[0] :
        "Có " + problems.length + " lỗi cần sửa" + (warnings.length ? ", " + warnings.length + " cảnh báo" : "") + ":";
    } else if (warnings.length) {
      summary.className = "summary warning";
      head.textContent = "Không có lỗi; " + warnings.length + " cảnh báo:";
    } else {
      summary.className = "summary ok";
      head.textContent = "Không có lỗi.";
    }
    summary.appendChild(head);
    sayNote();
    const list = document.createElement("ul");
    for (const p of problems.concat(warnings)) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "#" + p.key;
      a.textContent = (p.key ? "[" + p.key + "] " : "") + p.message;
      a.addEventListener("click", e => { e.preventDefault(); focusPath(p.key); });
      li.appendChild(a);
      list.appendChild(li);
    }
    summary.appendChild(list);
  }

  function focusPath(key) {
    let target = null;
    while (key && !(target = root.querySelector('[data-path="' + CSS.escape(key) + '"]'))) key = key.replace(/(\[\d+\]|\.?[^.\[]+)$/, "");
    if (!target) return;
    target.scrollIntoView({block: "center"});
    target.classList.add("flash");
    setTimeout(() => target.classList.remove("flash"), 1500);
    const input = target.querySelector(".in");
    if (input) input.focus();
  }

  async function checkNow() {
    const mine = ++seq;
    summary.textContent = "Đang kiểm tra…";
    const result = await post("/api/kiem-tra", payload());
    if (mine === seq) show(result);
  }

  function changed() {
    savedNote = "";
    setDirty(true);
    clearTimeout(timer);
    timer = setTimeout(checkNow, 250);
  }

  form.addEventListener("input", e => {
    // a value typed over an inherited one: once saved it is the unit's own
    const tag = e.target.closest(".leaf") && e.target.closest(".leaf").querySelector(":scope > label .from-parent");
    if (tag) tag.textContent = "· sẽ ghi riêng cho đơn vị này khi lưu";
    changed();
  });
  form.addEventListener("change", changed);
  form.addEventListener("click", e => {
    const button = e.target.closest("button");
    if (!button || !form.contains(button)) return;
    if (button.classList.contains("reset")) {  // back to the inherited value: saving removes the override
      const input = button.closest(".node").querySelector(".in");
      input.value = button.dataset.value;
      button.closest(".inherit").textContent = "Sẽ dùng lại giá trị chung khi lưu.";
      input.focus();
      changed();
      return;
    }
    if (button.classList.contains("add")) {
      const list = button.closest(".list");
      const tpl = list.querySelector(":scope > template");
      list.querySelector(":scope > .rows").appendChild(tpl.content.cloneNode(true));
      renumber();
      const rows = list.querySelector(":scope > .rows");
      const input = rows.lastElementChild && rows.lastElementChild.querySelector(".in");
      if (input) input.focus();
      changed();
      return;
    }
    const li = button.closest("li.row");
    if (!li) return;
    if (button.classList.contains("remove")) li.remove();
    else if (button.classList.contains("up") && li.previousElementSibling) li.parentElement.insertBefore(li, li.previousElementSibling);
    else if (button.classList.contains("down") && li.nextElementSibling) li.parentElement.insertBefore(li.nextElementSibling, li);
    else return;
    renumber();
    changed();
    if (document.body.contains(button)) button.focus();
  });

  // Save: the change is shown first, written only on confirmation; a conflict shows both versions.
  const dialog = document.getElementById("save-dialog");
  const confirmButton = document.getElementById("save-confirm");
  function openDialog(result) {
    const both = document.getElementById("save-both"), who = document.getElementById("save-who");
    const diff = document.getElementById("save-diff"), title = document.getElementById("save-title");
    both.hidden = !result.conflict;
    who.hidden = !result.conflict;
    confirmButton.hidden = false;
    const notes = document.getElementById("save-notes");
    notes.replaceChildren(...(result.notes || []).map(text => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    }));
    notes.hidden = !(result.notes || []).length;
    if (result.conflict) {
      title.textContent = "Tệp vừa được người khác lưu";
      who.textContent = "Tệp đã đổi sau khi bạn mở biểu mẫu" + (result.who ? " (" + result.who + ", " + (result.when || "") + ")" : "") +
        ". Không có gì bị mất: bản của họ đang nằm trong tệp, bản của bạn vẫn ở trong biểu mẫu. So sánh hai bản bên dưới; " +
        "«Ghi bản của tôi» ghi các thay đổi của bạn lên bản của họ.";
      document.getElementById("theirs").textContent = result.theirs;
      document.getElementById("mine").textContent = result.mine;
      diff.textContent = result.diff || "";
      confirmButton.textContent = "Ghi bản của tôi";
      form.dataset.token = result.token;
    } else if (result.error) {
      title.textContent = "Chưa lưu được";
      diff.textContent = result.error + "\n" + (result.problems || []).map(p => p.text).join("\n");
      confirmButton.hidden = true;
    } else if (!result.changed) {
      title.textContent = "Không có gì thay đổi";
      diff.textContent = "Biểu mẫu giống hệt tệp đang lưu.";
      confirmButton.hidden = true;
    } else {
      title.textContent = "Những thay đổi sẽ được ghi vào tệp";
      diff.textContent = result.diff;
      confirmButton.textContent = "Ghi vào tệp";
    }
    colorDiff(diff);
    if (!dialog.open) dialog.showModal();
  }
  document.getElementById("save").addEventListener("click", async () => openDialog(await post("/api/so-sanh", payload())));
  document.getElementById("save-cancel").addEventListener("click", () => dialog.close());
  confirmButton.addEventListener("click", async () => {
    const result = await post("/api/luu", payload());
    if (result.conflict) { openDialog(result); return; }
    if (result.error) { openDialog(result); return; }
    const merged = !confirmButton.textContent.startsWith("Ghi vào");
    form.dataset.token = result.token;
    dialog.close();
    setDirty(false);
    if (merged) { location.reload(); return; }  // the file now also holds the other clerk's changes: show them
    original = valueOf(root);
    savedNote = result.saved ? "Đã lưu vào tệp." : "Không có gì thay đổi.";
    summary.querySelectorAll(".saved").forEach(p => p.remove());
    sayNote();
  });

  const previewButton = document.getElementById("preview");
  if (previewButton) previewButton.addEventListener("click", async () => {
    const box = document.getElementById("preview-box"), status = document.getElementById("preview-status");
    const pages = document.getElementById("pages"), findings = document.getElementById("findings");
    box.hidden = false;
    status.textContent = "Đang dựng trang…";
    previewButton.disabled = true;
    pages.replaceChildren();
    findings.replaceChildren();
    const result = await post("/api/xem-truoc", payload());
    previewButton.disabled = false;
    show(result);
    if (result.error) { status.textContent = result.error; return; }
    if (!result.pages.length) { status.textContent = "Chưa xem trước được: sửa các lỗi ở biểu mẫu trước."; return; }
    status.textContent = result.pages.length + " trang; " + (result.findings.length ? result.findings.length + " điểm thể thức cần xem:" : "thể thức không có gì sai.");
    for (const f of result.findings) {
      const li = document.createElement("li");
      li.className = f.severity === "error" ? "error" : "warning";
      li.textContent = (f.severity === "error" ? "Lỗi" : "Cảnh báo") + " [" + f.rule + "] " + f.where + ": " + f.message;
      findings.appendChild(li);
    }
    result.pages.forEach((url, i) => {
      const img = document.createElement("img");
      img.src = url;
      img.alt = "Trang " + (i + 1);
      img.className = "page";
      pages.appendChild(img);
    });
  });

  renumber();
  original = valueOf(root);
  checkNow();
  if (location.hash.length > 1) setTimeout(() => focusPath(decodeURIComponent(location.hash.slice(1))), 100);
}

function colorDiff(pre) {
  const lines = pre.textContent.split("\n");
  pre.replaceChildren(...lines.map(line => {
    const span = document.createElement("span");
    span.textContent = line + "\n";
    if (line.startsWith("+") && !line.startsWith("+++")) span.className = "add";
    else if (line.startsWith("-") && !line.startsWith("---")) span.className = "del";
    return span;
  }));
}

// --- the dataset page: the whole batch with a progress bar ---------------------------------------------------------
function initBatch(box) {
  const start = document.getElementById("batch-start"), bar = document.getElementById("batch-progress");
  const status = document.getElementById("batch-status"), link = document.getElementById("batch-download");
  start.addEventListener("click", async () => {
    start.disabled = true;
    link.hidden = true;
    bar.hidden = false;
    bar.removeAttribute("value");
    status.textContent = "Đang đọc và kiểm tra dữ liệu…";
    let job = await post("/api/lo", {d: box.dataset.d, mau: document.getElementById("batch-template").value});
    while (!job.error && !job.finished) {
      await new Promise(r => setTimeout(r, 400));
      const response = await fetch("/api/lo/" + encodeURIComponent(job.id), {credentials: "same-origin"});
      job = await response.json();
      if (job.total) { bar.max = job.total; bar.value = job.done; status.textContent = "Đã soạn " + job.done + " / " + job.total + " đơn vị…"; }
    }
    start.disabled = false;
    if (job.error) { bar.hidden = true; status.textContent = "Không soạn được: " + job.error; return; }
    bar.max = 1; bar.value = 1;
    const failed = Object.entries(job.failed || {});
    status.textContent = "Xong: " + job.written + " văn bản." + (failed.length ? " Không soạn được " + failed.length + " đơn vị (bảng kê trong tệp .zip cũng ghi):" : "");
    const reasons = document.createElement("ul");
    reasons.className = "problems";
    for (const [unit, why] of failed) {
      const li = document.createElement("li");
      li.textContent = unit + ": " + why;
      reasons.appendChild(li);
    }
    if (failed.length) status.appendChild(reasons);
    link.href = "/lo/" + encodeURIComponent(job.id) + "/tai";
    link.hidden = false;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("unit-form");
  if (form) initForm(form);
  const batch = document.getElementById("batch");
  if (batch) initBatch(batch);
  document.querySelectorAll("select.autosubmit").forEach(s => s.addEventListener("change", () => s.form.submit()));
});
