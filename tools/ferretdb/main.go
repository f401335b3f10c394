// Command ferretdb starts a MongoDB-compatible server (FerretDB v1, SQLite
// backend) for machines that have no mongod. It wraps FerretDB's embeddable
// package because `go install .../cmd/ferretdb` builds a binary that panics at
// start on a missing version file.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data", ".mesh/ferretdb", "directory that holds the SQLite databases")
	flag.Parse()

	if err := run(*listen, *dataDir); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
}

func run(listen, dataDir string) error {
	absDir, err := filepath.Abs(dataDir)
	if err != nil {
		return fmt.Errorf("resolve data directory %q: %w", dataDir, err)
	}
	// FerretDB's SQLite handler needs an existing directory and a URL ending in '/'.
	if err := os.MkdirAll(absDir, 0o755); err != nil {
		return fmt.Errorf("create data directory %q: %w", absDir, err)
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	db, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + absDir + "/",
	})
	if err != nil {
		return fmt.Errorf("start on %s with data in %s: %w", listen, absDir, err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fmt.Fprintf(os.Stderr, "ferretdb: listening on %s, data in %s\n", listen, absDir)
	return db.Run(ctx)
}
