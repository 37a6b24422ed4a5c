;;; emacs.el --- Emacs + eglot as a plain LSP client of runbook-language-server (issue 12)
;; Run by test/lsp/emacs.test.ts: emacs --batch -Q -l emacs.el. Debian's Emacs 28 with
;; elpa-eglot 1.9. Writes what flymake shows for each file to $EMACS_OUT, as "LINE CODE" lines.
(package-initialize)
(add-to-list 'load-path "/usr/share/emacs/site-lisp/elpa/eglot-1.9")
(require 'eglot)
(require 'flymake)

(define-derived-mode runbook-test-mode text-mode "Runbook")
(add-to-list 'eglot-server-programs
             `(runbook-test-mode . (,(getenv "NODE") ,(getenv "SERVER") "--stdio"
                                    :initializationOptions (:today ,(getenv "TODAY") :debounceMs 0 :git :json-false))))
(setq eglot-sync-connect t eglot-autoshutdown nil eglot-events-buffer-size 0)

(defun runbook-test-codes ()
  "The diagnostics flymake holds for this buffer, as sorted \"LINE CODE\" strings."
  (sort (mapcar (lambda (d)
                  (let ((text (flymake-diagnostic-text d)))
                    (format "%d %s" (line-number-at-pos (flymake-diagnostic-beg d))
                            ;; eglot 1.9 puts the code in brackets after the message (or before it).
                            (if (string-match "\\bR[BR][0-9][0-9][0-9]\\b" text) (match-string 0 text) "?"))))
                (flymake-diagnostics))
        #'string<))

(defun runbook-test-report (name want)
  (let ((deadline (+ (float-time) 30)) got)
    (while (and (< (float-time) deadline)
                (not (equal (string-join (setq got (runbook-test-codes)) "\n") want)))
      (accept-process-output nil 0.1))
    (with-temp-buffer
      (insert (if (equal (string-join got "\n") want) "ok " "timeout ") name "\n")
      (dolist (c got) (insert name " " c "\n"))
      (append-to-file (point-min) (point-max) (getenv "EMACS_OUT")))))

(defun runbook-test-open (file)
  (find-file file)
  (runbook-test-mode)
  ;; eglot-ensure waits for a command loop that --batch never runs: connect as M-x eglot does.
  (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact))))

(let ((root (getenv "WS")))
  (runbook-test-open (expand-file-name "library/raw/rollback-rehearsals/002.md" root))
  (runbook-test-report "receipt" (getenv "EXPECT_RECEIPT"))
  (runbook-test-open (expand-file-name "RUNBOOK.md" root))
  (runbook-test-report "runbook" (getenv "EXPECT_RUNBOOK")))
(kill-emacs 0)
