;;; emacs.el --- Emacs with Eglot drives the Article Lens server  -*- lexical-binding: t -*-
;;
;; Run by test/e2e/emacs.mjs as `emacs --batch -l test/e2e/emacs.el' (no -Q: Debian's site startup puts
;; elpa-eglot on the load path), with ARTICLE_LENS_E2E holding the JSON the runner computed (server,
;; folder, targets and their positions).  Waits on conditions with a bounded loop over
;; `accept-process-output', never a fixed sleep.  Exits non-zero on any failure.

(require 'cl-lib)
(require 'eglot)
(require 'xref)

(defvar al-config (json-parse-string (getenv "ARTICLE_LENS_E2E") :object-type 'plist :array-type 'list))
(defvar al-failures 0)
(defvar al-indexed nil "The params of articleLens/indexingComplete, once it arrives.")
(defconst al-timeout 30)

(defun al-get (key) (plist-get al-config key))
(defun al-say (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun al-check (ok what &optional detail)
  (if ok
      (al-say "ok   %s" what)
    (cl-incf al-failures)
    (al-say "FAIL %s%s" what (if detail (format "\n     %s" detail) "")))
  ok)

(defun al-wait (what pred)
  "Process events until PRED returns non-nil or `al-timeout' seconds pass; check the outcome as WHAT."
  (let ((deadline (+ (float-time) al-timeout)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (al-check (funcall pred) what)))

(cl-defmethod eglot-handle-notification (_server (_method (eql articleLens/indexingComplete)) &rest params)
  (setq al-indexed params))

(defun al-file (name) (expand-file-name name (al-get :folder)))

(defun al-goto (pos)
  "Moves point to the LSP position POS (a plist) in the current buffer."
  (goto-char (eglot--lsp-position-to-point pos)))

(defun al-main ()
  (let ((eglot-sync-connect al-timeout)
        (xref-prompt-for-identifier nil)
        (folder (file-name-as-directory (al-get :folder))))
    (find-file (al-file (al-get :article)))
    (let ((article-buffer (current-buffer)))
      (eglot '(text-mode) (cons 'transient folder) 'eglot-lsp-server
             (list (al-get :node) (al-get :server) "--stdio") "plaintext")
      (al-wait "eglot manages the article's buffer" (lambda () (with-current-buffer article-buffer eglot--managed-mode)))
      (al-wait "articleLens/indexingComplete arrives" (lambda () al-indexed))
      (al-check (equal (plist-get al-indexed :documents) (al-get :documents))
                (format "the server indexed every article (%s)" (plist-get al-indexed :documents)))
      (let* ((server (eglot-current-server))
             (doc (list :textDocument (eglot--TextDocumentIdentifier))))

        ;; Semantic tokens (Eglot 1.9 draws none, so the test requests them): a person and a place.
        (let* ((provider (plist-get (eglot--capabilities server) :semanticTokensProvider))
               (legend (plist-get (plist-get provider :legend) :tokenTypes))
               (data (append (plist-get (jsonrpc-request server :textDocument/semanticTokens/full doc) :data) nil))
               (line 0) (char 0) (found (make-hash-table :test 'equal)))
          (al-check provider "the server offers semantic tokens")
          (while data
            (let ((dl (pop data)) (dc (pop data)) (len (pop data)) (type (pop data)))
              (pop data)
              (unless (zerop dl) (setq char 0))
              (setq line (+ line dl) char (+ char dc))
              (puthash (format "%d:%d" line char) (cons (elt legend type) len) found)))
          (al-check (>= (hash-table-count found) 5) (format "semantic tokens cover the article (%d tokens)" (hash-table-count found)))
          (dolist (probe (list (list :personPos :person "person") (list :placePos :place "location")))
            (let* ((pos (al-get (nth 0 probe)))
                   (name (al-get (nth 1 probe)))
                   (token (gethash (format "%d:%d" (plist-get pos :line) (plist-get pos :character)) found)))
              (al-check (equal token (cons (nth 2 probe) (length name)))
                        (format "a %s token on %s" (nth 2 probe) name) (format "%S" token)))))

        ;; Hover on the place: the card names it and links the other articles that mention it.
        (al-goto (al-get :placeHoverPos))
        (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
               (value (or (plist-get (plist-get hover :contents) :value) ""))
               (links 0) (foreign 0) (start 0))
          (al-check (string-prefix-p (format "**%s** \u00b7 location" (al-get :place)) value) "hover card title" value)
          (al-check (string-match-p "Also in:" value) "hover card lists other articles" value)
          (while (string-match "](\\(file:[^)#]+\\)" value start)
            (setq start (match-end 0))
            (cl-incf links)
            (let ((name (file-name-nondirectory (match-string 1 value))))
              (when (or (equal name (al-get :article)) (not (member name (al-get :articles))))
                (cl-incf foreign))))
          (al-check (and (>= links 2) (zerop foreign))
                    (format "hover links (%d) go to other articles of the corpus" links) value))

        ;; References to the person, through xref's Eglot backend: every article naming them.
        (al-goto (al-get :personPos))
        (let* ((refs (xref-backend-references 'eglot (xref-backend-identifier-at-point 'eglot)))
               (files (mapcar (lambda (x) (file-name-nondirectory (xref-location-group (xref-item-location x)))) refs)))
          (al-check refs "xref references through eglot")
          (dolist (f (al-get :personArticles))
            (al-check (member f files) (format "a reference in %s" f))))

        ;; Definition, through the editor's own jump (M-.): from a later mention to the first full-name
        ;; mention in the earliest article.
        (al-goto (al-get :personPos))
        (call-interactively #'xref-find-definitions)
        (let ((target (al-file (al-get :earliestPerson))))
          (when (al-check (equal (buffer-file-name) target)
                          (format "xref-find-definitions opens %s" (al-get :earliestPerson)) (buffer-file-name))
            (let ((want (save-excursion (al-goto (al-get :earliestPersonPos)) (point))))
              (al-check (= (point) want)
                        (format "point lands on the first %s in %s" (al-get :person) target)
                        (format "at line %d column %d, want line %d column %d"
                                (1- (line-number-at-pos)) (current-column)
                                (1- (line-number-at-pos want)) (save-excursion (goto-char want) (current-column)))))))
        (ignore-errors (eglot-shutdown server))))))

(condition-case err
    (al-main)
  (error (cl-incf al-failures) (al-say "FAIL %s" (error-message-string err))))
(al-say (if (zerop al-failures) "emacs: all checks passed" (format "emacs: %d failure(s)" al-failures)))
(kill-emacs (if (zerop al-failures) 0 1))
