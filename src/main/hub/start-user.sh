#!/bin/sh
# Starts a student's Jupyter server on the class hub (./lab hub). It runs as the student, so what it copies is
# theirs: on the first login it puts their own copy of the course's notebooks/ and exercises/ into
# ~/finetune-lab, with data/my-personas/ for the persona they write in lesson 14 (Notebook.file finds it there
# through FINETUNE_LAB_COPY); the shared checkout (FINETUNE_LAB_ROOT) stays read-only for them and only lends the
# library, the data and the kernel. At later logins it adds what the course gained since (a new lesson, a new
# exercise) and never overwrites a file the student has. Then it starts the server given as arguments there.
set -eu
course="$HOME/finetune-lab"
if [ ! -d "$course" ]; then
  partial="$course.partial"
  rm -rf "$partial"
  mkdir -p "$partial/data"
  cp -R "$FINETUNE_LAB_ROOT/notebooks" "$FINETUNE_LAB_ROOT/exercises" "$partial/"
  cp -R "$FINETUNE_LAB_ROOT/data/my-personas" "$partial/data/"
  chmod -R u+rwX,go-w "$partial"
  mv "$partial" "$course"   # all or nothing: a copy cut short is made again at the next login
else
  mkdir -p "$course/data"
  cp -R -n "$FINETUNE_LAB_ROOT/notebooks" "$FINETUNE_LAB_ROOT/exercises" "$course/" || true
  cp -R -n "$FINETUNE_LAB_ROOT/data/my-personas" "$course/data/" || true
fi
export FINETUNE_LAB_COPY="$course"
cd "$course"
exec "$@"
