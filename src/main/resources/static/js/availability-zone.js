// Labels the availability grid of the public forms in the time zone chosen, as soon as it is chosen. Without
// JavaScript, the "Show my hours in this time zone" button draws the form again in that zone instead.
document.addEventListener('DOMContentLoaded', function () {
  var select = document.getElementById('timezone');
  if (!select) {
    return;
  }
  select.addEventListener('change', function () {
    var zone = select.value || 'your time zone';
    document.querySelectorAll('[data-zone]').forEach(function (element) {
      element.textContent = zone;
    });
  });
});
