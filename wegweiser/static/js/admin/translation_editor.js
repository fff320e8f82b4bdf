// wagtail-localize's translation editor, a React app, writes the translated texts without their language:
// Arabic and Persian were shown and typed left to right. Each time the app draws, this marks every translated
// text (shown or in its text box) with the target language's lang and dir, and its German source with its
// own. It also puts the portal's words in place of the two texts the editor writes in English, its heading
// and "More actions", where they still read as wagtail-localize writes them. The template gives the languages
// and the words (templates/wagtail_localize/admin/edit_translation.html).
(() => {
    "use strict";

    const languages = document.getElementById("ww-translation-languages");
    const editor = document.querySelector(".js-translation-editor");
    if (!languages || !editor) {
        return;
    }
    const words = languages.dataset;
    const props = JSON.parse(editor.dataset.props);
    const englishHeading = `${props.sourceLocale.displayName} to ${props.locale.displayName} translation`;

    const mark = (element, lang, dir) => {
        if (element.getAttribute("lang") !== lang) {
            element.setAttribute("lang", lang);
        }
        if (element.getAttribute("dir") !== dir) {
            element.setAttribute("dir", dir);
        }
    };

    // Only the text of the app's own node changes, so that React, which keeps that node, goes on updating it.
    const reword = (elements, english, portal) => {
        for (const element of elements) {
            const text = element.firstChild;
            if (element.childNodes.length === 1 && text.nodeType === Node.TEXT_NODE && text.data === english) {
                text.data = portal;
            }
        }
    };

    const mend = () => {
        // A text to translate: its source (p), then its translation (div), shown (p) or typed (textarea).
        // The values kept from the source (an e-mail address, a postcode) have no source paragraph.
        for (const translation of editor.querySelectorAll("li > p + div")) {
            mark(translation.previousElementSibling, words.sourceLang, words.sourceDir);
            mark(translation, words.targetLang, words.targetDir);
        }
        reword(editor.querySelectorAll("section h3"), englishHeading, words.heading);
        reword(editor.querySelectorAll(".w-sr-only"), "More actions", words.moreActions);
    };

    mend();
    new MutationObserver(mend).observe(editor, { childList: true, subtree: true });
})();
