// A button marked data-print opens the browser's print dialog (the print stylesheet hides the navigation).
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
