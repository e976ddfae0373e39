#!/bin/sh
# Starts a student's Jupyter server on the class hub (./lab hub). It runs as the student, so what it copies is
# theirs: on the first login it puts their own copy of the course's notebooks/ and exercises/ into
# ~/finetune-lab; the shared checkout (FINETUNE_LAB_ROOT) stays read-only for them and only lends the library,
# the data and the kernel. At later logins it adds what the course gained since (a new lesson, a new exercise)
# and never overwrites a file the student has. Then it starts the server given as arguments in that folder.
set -eu
course="$HOME/finetune-lab"
if [ ! -d "$course" ]; then
  partial="$course.partial"
  rm -rf "$partial"
  mkdir -p "$partial"
  cp -R "$FINETUNE_LAB_ROOT/notebooks" "$FINETUNE_LAB_ROOT/exercises" "$partial/"
  chmod -R u+rwX,go-w "$partial"
  mv "$partial" "$course"   # all or nothing: a copy cut short is made again at the next login
else
  cp -R -n "$FINETUNE_LAB_ROOT/notebooks" "$FINETUNE_LAB_ROOT/exercises" "$course/" || true
fi
cd "$course"
exec "$@"
