package main

import (
	"context"
	"errors"
	"fmt"

	"beiandesk/store/postgres"
)

// clerkAdmin is what a book on a server offers its owner: who may work on it.
type clerkAdmin interface {
	AddClerk(ctx context.Context, role, name string, chief bool) (*postgres.ClerkInfo, error)
	Clerks(ctx context.Context) ([]postgres.ClerkInfo, error)
	RemoveClerk(ctx context.Context, role string) error
}

// clerks is "clerks add ROLE --name NAME [--chief]", "clerks list --json"
// and "clerks remove ROLE": PostgreSQL only, run by the book's owner.
func clerks(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usageError{msgClerksUsage}
	}
	sub, args := args[0], args[1:]
	fs := newFlagSet("clerks "+sub, e)
	name := fs.String("name", "", "display name recorded in the history")
	chief := fs.Bool("chief", false, "may edit the calendar and copy books in")
	asJSON := fs.Bool("json", false, "JSON output")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	switch sub {
	case "add", "remove":
		if len(pos) != 1 {
			return usageError{msgClerksUsage}
		}
	case "list":
		if len(pos) != 0 {
			return usageError{fmt.Sprintf(msgNoArgs, pos)}
		}
	default:
		return usageError{fmt.Sprintf(msgUnknownCommand, "clerks "+sub)}
	}
	if sub == "add" && *name == "" {
		return usageError{formatRequired("name")}
	}
	db, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	admin, ok := db.(clerkAdmin)
	if !ok {
		return errors.New(msgClerksServerOnly)
	}
	switch sub {
	case "add":
		c, err := admin.AddClerk(ctx, pos[0], *name, *chief)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e.stdout, c)
		}
		fmt.Fprintf(e.stderr, msgClerkAdded, c.Role, c.Name)
	case "remove":
		if err := admin.RemoveClerk(ctx, pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, msgClerkRemoved, pos[0])
	case "list":
		list, err := admin.Clerks(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e.stdout, list)
		}
		for _, c := range list {
			role := msgRoleClerk
			if c.Chief {
				role = msgRoleChief
			}
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", c.Role, c.Name, role)
		}
	}
	return nil
}
