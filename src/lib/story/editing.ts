// Editing a story on its page: the changes an editor makes (move, change, delete a slide) as pure functions over
// the story, producing the body of PUT /api/stories/{id}, and the sentences a screen reader hears after each.
import type { Slide, Story, StoryUpdate } from '../domain/stories';

export type UpdateBody = Omit<StoryUpdate, 'slides'> & { slides: (Omit<Slide, 'id'> & { id?: number })[] };

/** The PUT body of a story as it is (the starting point of every edit). */
export function updateBody(story: Story): UpdateBody {
	return {
		version: story.version,
		title: story.title,
		description: story.description,
		slides: story.slides.map(({ id, title, text, view }) => ({ id, title, text, view }))
	};
}

/** The slide at `index` moved `delta` places (−1 up, +1 down); null when it cannot move that way. */
export function moveSlide(story: Story, index: number, delta: -1 | 1): UpdateBody | null {
	const target = index + delta;
	if (index < 0 || index >= story.slides.length || target < 0 || target >= story.slides.length) return null;
	const body = updateBody(story);
	const [moved] = body.slides.splice(index, 1);
	body.slides.splice(target, 0, moved);
	return body;
}

export function changeSlide(story: Story, slideId: number, change: { title: string; text: string }): UpdateBody {
	const body = updateBody(story);
	body.slides = body.slides.map((s) => (s.id === slideId ? { ...s, ...change } : s));
	return body;
}

export function deleteSlide(story: Story, slideId: number): UpdateBody {
	const body = updateBody(story);
	body.slides = body.slides.filter((s) => s.id !== slideId);
	return body;
}

export function changeStory(story: Story, change: { title: string; description: string }): UpdateBody {
	return { ...updateBody(story), ...change };
}

export function movedAnnouncement(title: string, position: number, count: number): string {
	return `Dia “${title}” staat nu op plaats ${position} van ${count}.`;
}
