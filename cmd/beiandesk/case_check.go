package main

import (
	"context"
	"fmt"
	"strconv"

	"beiandesk/store"
	"beiandesk/store/rules"
)

func caseCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("case check", e)
	item := fs.String("item", "", "material item number (1-based)")
	state := fs.String("state", "", "present|missing|defective")
	note := fs.String("note", "", "reason for a defect")
	add := fs.String("add", "", "add an item to the checklist")
	asJSON := fs.Bool("json", false, "print JSON")
	id, err := parseOneID(fs, args)
	if err != nil {
		return err
	}
	if *add != "" {
		if *item != "" || *state != "" {
			return usageError{msgAddAlone}
		}
		db, err := e.openWrite(ctx)
		if err != nil {
			return err
		}
		defer db.Close()
		c, err := db.AddItem(ctx, id, 0, *add, e.clerkName(ctx, db))
		if err != nil {
			return err
		}
		return printCase(ctx, e, db, c, *asJSON)
	}
	if *item == "" {
		return usageError{formatRequired("item")}
	}
	n, err := strconv.Atoi(*item)
	if err != nil {
		return fmt.Errorf("--item: "+msgBadItem, *item)
	}
	if *state == "" {
		return usageError{formatRequired("state")}
	}
	st, err := rules.ParseItemState(*state)
	if err != nil {
		return fieldError("state", err)
	}
	db, err := e.openWrite(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.CheckItem(ctx, id, 0, n, st, *note, e.clerkName(ctx, db))
	if err != nil {
		return err
	}
	return printCase(ctx, e, db, c, *asJSON)
}

func formatRequired(field string) string { return fmt.Sprintf(msgRequired, field) }

func fieldError(field string, err error) error { return &store.FieldError{Field: field, Err: err} }
