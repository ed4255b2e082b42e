// Progressive enhancement only: every page works without this file.
// A form marked data-busy says that it is working and cannot be sent twice while a large file is checked.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var busy = form.getAttribute("data-busy");
  if (!busy) { return; }
  var button = form.querySelector("button[type=submit]");
  if (button) { button.disabled = true; }
  var note = document.createElement("p");
  note.className = "busy";
  note.setAttribute("role", "status");
  note.textContent = busy;
  form.appendChild(note);
});

// A form marked data-keep="KEY" keeps what was typed in this browser until it is sent, so a
// dropped connection or a closed tab on a cheap phone does not lose a visit. Files are not kept.
(function () {
  var store;
  try { store = window.localStorage; } catch (e) { return; }
  if (!store) { return; }
  document.querySelectorAll("form[data-keep]").forEach(function (form) {
    var key = "tuntas:" + form.getAttribute("data-keep");
    var fields = function () {
      return Array.prototype.filter.call(form.elements, function (el) {
        return el.name && el.type !== "file" && el.type !== "hidden" && el.type !== "submit" && el.name !== "__RequestVerificationToken";
      });
    };
    var saved = null;
    try { saved = JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved) {
      fields().forEach(function (el) {
        if (!(el.name in saved)) { return; }
        var value = saved[el.name];
        if (el.type === "checkbox" || el.type === "radio") { el.checked = value.indexOf(el.value) >= 0; }
        else { el.value = value[0]; }
      });
    }
    form.addEventListener("input", function () {
      var data = {};
      fields().forEach(function (el) {
        if ((el.type === "checkbox" || el.type === "radio") && !el.checked) { data[el.name] = data[el.name] || []; return; }
        (data[el.name] = data[el.name] || []).push(el.value);
      });
      try { store.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full: nothing to do */ }
    });
    form.addEventListener("submit", function () {
      // The field app's outbox (field.js) keeps a visit until the server confirms it, and removes the draft itself.
      if (form.hasAttribute("data-outbox-active")) { return; }
      store.removeItem(key);
    });
  });
})();

// A file input marked data-compress="PX" shrinks photos in the browser (longest side PX, JPEG)
// before upload: village connections are slow. Other files are sent as they are.
document.querySelectorAll("input[type=file][data-compress]").forEach(function (input) {
  if (!window.DataTransfer || !window.HTMLCanvasElement) { return; }
  var max = parseInt(input.getAttribute("data-compress"), 10) || 1600;
  input.addEventListener("change", function () {
    var files = Array.prototype.slice.call(input.files);
    Promise.all(files.map(function (file) {
      if (!/^image\/(jpeg|png|webp)$/.test(file.type)) { return Promise.resolve(file); }
      return new Promise(function (resolve) {
        var img = new Image();
        img.onload = function () {
          var scale = Math.min(1, max / Math.max(img.width, img.height));
          if (scale === 1 && file.size < 500000) { resolve(file); return; }
          var canvas = document.createElement("canvas");
          canvas.width = Math.round(img.width * scale);
          canvas.height = Math.round(img.height * scale);
          canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
          canvas.toBlob(function (blob) {
            resolve(blob ? new File([blob], file.name.replace(/\.\w+$/, "") + ".jpg", { type: "image/jpeg" }) : file);
          }, "image/jpeg", 0.8);
          URL.revokeObjectURL(img.src);
        };
        img.onerror = function () { resolve(file); };
        img.src = URL.createObjectURL(file);
      });
    })).then(function (done) {
      var list = new DataTransfer();
      done.forEach(function (f) { list.items.add(f); });
      input.files = list.files;
    });
  });
});

// A button marked data-gps fills the position fields from the browser, when the user allows it.
// toFixed always writes a dot, whatever the browser's language; the server reads numbers the same
// way in every language (InvariantValueBinderProvider), so 0.138600 stays 0.138600 in Bahasa Indonesia.
document.querySelectorAll("[data-gps]").forEach(function (button) {
  var form = button.closest("form");
  var status = form.querySelector("[data-gps-status]");
  if (!navigator.geolocation) { button.hidden = true; return; }
  button.addEventListener("click", function () {
    status.textContent = "…";
    navigator.geolocation.getCurrentPosition(function (pos) {
      form.querySelector("[data-gps-lat]").value = pos.coords.latitude.toFixed(6);
      form.querySelector("[data-gps-lon]").value = pos.coords.longitude.toFixed(6);
      form.querySelector("[data-gps-acc]").value = Math.round(pos.coords.accuracy);
      status.textContent = pos.coords.latitude.toFixed(5) + ", " + pos.coords.longitude.toFixed(5) + " (±" + Math.round(pos.coords.accuracy) + " m)";
    }, function (err) { status.textContent = err.message; }, { enableHighAccuracy: true, timeout: 20000 });
  });
});
