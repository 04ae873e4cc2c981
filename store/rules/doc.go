// Package rules holds the desk's domain rules: the kinds of request, the
// materials each one needs, the lifecycle of a case and the 退回补正
// notice. It knows nothing of storage or UI; codes are the stable English
// values of the command line and the database, labels are Chinese.
package rules
