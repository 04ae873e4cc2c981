package desk

import (
	"fmt"
	"net/url"
	"path/filepath"
)

// openPath opens a file or folder with the system's program for it.
func (d *Desk) openPath(path string) {
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	open := d.app.OpenURL
	if d.opener != nil {
		open = d.opener
	}
	if err := open(u); err != nil {
		d.info(txtError, fmt.Sprintf(txtOpenFailed, err))
	}
}
